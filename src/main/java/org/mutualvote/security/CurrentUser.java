package org.mutualvote.security;

import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller as the rest of the service needs them: a stable subject, a display name and roles. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The OIDC subject ("sub"), the key a member record is linked by. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** Who did it, for the audit log: the login name, which a returning officer recognises. */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object name = jwt.getClaim("name");
            if (name != null) {
                return name.toString();
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The login's email as the token gives it, for display and to prefill forms. */
    public String email() {
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("email") != null
                ? jwt.getClaim("email").toString() : null;
    }

    /**
     * The login's email, only when the token says the provider verified it ({@code email_verified}); else
     * null. An unverified address is whatever someone typed at the provider: it must not claim a record.
     */
    public String verifiedEmail() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object verified = jwt.getClaim("email_verified");
            if (verified != null && "true".equalsIgnoreCase(verified.toString())) {
                return email();
            }
        }
        return null;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller as a reader of contests: official (returning officer or scrutineer), board, or a member. */
    public Reader reader() {
        return new Reader(subject(), hasRole(Roles.ADMIN) || hasRole(Roles.SCRUTINEER), hasRole(Roles.BOARD));
    }
}
