package org.mutualvote.motion;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A constituency's part in one motion's rule: its consent is needed, and/or it has a weight. */
@Entity
@Table(name = "motion_class")
@IdClass(MotionClass.Key.class)
public class MotionClass {

    @Id
    @Column(name = "motion_id")
    public Long motionId;

    @Id
    @Column(name = "constituency_id")
    public Long constituencyId;

    public boolean consent;

    @Column(name = "weight_num")
    public Integer weightNum;

    @Column(name = "weight_den")
    public Integer weightDen;

    public record Key(Long motionId, Long constituencyId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
