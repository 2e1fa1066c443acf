package io.drover.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A team on the forge, named as GitHub names it in URLs: the organization's login and the team's
 * slug ({@code acme/platform-oncall}). A policy may allow a team's members to give ChatOps commands.
 */
public record Team(String org, String slug) {

    public static final String FORM = "org/team-slug";
    /** An organization login: letters, digits and '-', at most 39 characters, not starting with '-'. */
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    /** A slug as GitHub makes it from the team's name: letters, digits, '-', '_' and '.'. */
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public Team {
        if (!ORG.matcher(org).matches() || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a team (" + FORM + "): " + org + "/" + slug);
        }
    }

    /** {@code org/team-slug}, or empty when the text is not of that form. */
    public static Optional<Team> parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !ORG.matcher(parts[0]).matches() || !SLUG.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Team(parts[0], parts[1]));
    }

    @Override
    public String toString() {
        return org + "/" + slug;
    }
}
