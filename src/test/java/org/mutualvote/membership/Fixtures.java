package org.mutualvote.membership;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.mutualvote.membership.ConstituencyDtos.ConstituencyRequest;
import org.mutualvote.membership.ConstituencyDtos.ConstituencyView;
import org.mutualvote.membership.MemberDtos.Application;
import org.mutualvote.membership.MemberDtos.MemberView;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test data through the services, unique per test: the test schema is shared by every test of a run,
 * so names, districts, staff classes and emails carry random suffixes.
 */
@ApplicationScoped
public class Fixtures {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final ConstituencyService constituencies;
    private final MemberService members;
    private final MemberRepository memberRepository;
    private final MemberImport importer;

    public Fixtures(ConstituencyService constituencies, MemberService members, MemberRepository memberRepository,
            MemberImport importer) {
        this.constituencies = constituencies;
        this.members = members;
        this.memberRepository = memberRepository;
        this.importer = importer;
    }

    public MemberImport.ImportReport importCsv(String csv) {
        return importer.run("fixture", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, false);
    }

    public static String uid() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** A random postcode district such as "QX7B". */
    public static String district() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "" + LETTERS.charAt(r.nextInt(26)) + LETTERS.charAt(r.nextInt(26)) + r.nextInt(10)
                + LETTERS.charAt(r.nextInt(26));
    }

    public static String staffClass() {
        return "class-" + uid();
    }

    public static String email() {
        return "m-" + uid() + "@example.org";
    }

    public static LocalDate adult() {
        return LocalDate.now().minusYears(40);
    }

    public ConstituencyView publicConstituency(String... districts) {
        return create(ConstituencyKind.PUBLIC, Set.of(districts), Set.of(), false);
    }

    public ConstituencyView staffConstituency(String... classes) {
        return create(ConstituencyKind.STAFF, Set.of(), Set.of(classes), false);
    }

    public ConstituencyView create(ConstituencyKind kind, Set<String> areas, Set<String> classes, boolean review) {
        return constituencies.create("fixture", new ConstituencyRequest(kind, kind.key() + " " + uid(), 3, null, areas, classes, review));
    }

    public void retire(long id) {
        constituencies.retire("fixture", id);
    }

    /** A member who signed up by postcode, logged in as {@code subject}. */
    public MemberView memberIn(String subject, String postcode) {
        SignUp s = members.signUp(subject, "fixture", null,
                new Application("Member " + uid(), email(), adult(), postcode, null, null, true));
        return ((SignUp.Joined) s).member();
    }

    public MemberView member(String subject, String name, String email, String postcode) {
        SignUp s = members.signUp(subject, "fixture", null, new Application(name, email, adult(), postcode, null, null, true));
        return ((SignUp.Joined) s).member();
    }

    public void erase(String subject) {
        members.erase(subject, "fixture");
    }

    public long memberCount() {
        return QuarkusTransaction.requiringNew().call(memberRepository::count);
    }

    public Member reload(long id) {
        return QuarkusTransaction.requiringNew().call(() -> memberRepository.findById(id));
    }
}
