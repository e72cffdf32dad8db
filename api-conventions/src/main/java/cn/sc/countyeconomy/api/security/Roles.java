package cn.sc.countyeconomy.api.security;

/**
 * The four roles of every service, carried in the token's {@code groups} claim.
 * Every role implies {@link #READER}; {@link #ADMIN} also implies {@link #EDITOR}. Approver stays
 * separate from editor so that the one who enters data is not the one who approves it.
 */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
