package io.drover.chatops;

import io.drover.model.Team;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may give which command, deny by default. Write access to the fleet repository allows every
 * command; a policy may allow more people by numeric user id or by team, for every command or for
 * pausing only (stopping a rollout is safe to allow widely, going on is not). Bots, Drover included,
 * are never obeyed and never answered. {@code status} and {@code help} change nothing and are
 * answered for anyone with at least read access, or allowed by the policy.
 *
 * <p>Teams are asked of the forge only when the role and the ids did not already allow the command
 * ({@link #teamsToAsk}), and their answers come back in {@link Memberships}: the decision stays a
 * pure function of what was observed.
 */
public record CommandAccess(Set<Long> steerers, Set<Long> pausers, Set<Team> steerTeams, Set<Team> pauseTeams) {

    public CommandAccess {
        steerers = Set.copyOf(steerers);
        pausers = Set.copyOf(pausers);
        steerTeams = Set.copyOf(steerTeams);
        pauseTeams = Set.copyOf(pauseTeams);
    }

    /** Ids only, no teams. */
    public CommandAccess(Set<Long> steerers, Set<Long> pausers) {
        this(steerers, pausers, Set.of(), Set.of());
    }

    public static final CommandAccess WRITERS_ONLY = new CommandAccess(Set.of(), Set.of());

    /**
     * The teams whose membership could still allow the command, in a fixed order: none when the
     * commenter is a bot or their role or id already decides.
     */
    public List<Team> teamsToAsk(Command command, Commenter commenter, RepositoryRole role) {
        if (commenter.bot() || allowedWithoutTeams(command, commenter, role)) {
            return List.of();
        }
        return teamsFor(command).stream().sorted(Comparator.comparing(Team::toString)).toList();
    }

    /** The verdict without asking any team (as for a policy that names none). */
    public Verdict check(Command command, Commenter commenter, RepositoryRole role) {
        return check(command, commenter, role, Memberships.NONE);
    }

    /** Why a command is refused, or empty when it is allowed. Bots get {@link Verdict#IGNORE}. */
    public Verdict check(Command command, Commenter commenter, RepositoryRole role, Memberships memberships) {
        if (commenter.bot()) {
            return Verdict.IGNORE;
        }
        if (allowedWithoutTeams(command, commenter, role)) {
            return Verdict.ALLOW;
        }
        Set<Team> teams = teamsFor(command);
        if (teams.stream().anyMatch(memberships.active()::contains)) {
            return Verdict.ALLOW;
        }
        Optional<Team> unchecked = teams.stream().filter(memberships.failures()::containsKey)
                .min(Comparator.comparing(Team::toString));
        if (unchecked.isPresent()) {
            return new Verdict(false, Optional.of("@" + commenter.login() + " may not give this command now: Drover could not "
                    + "check whether they are a member of team " + unchecked.get() + " ("
                    + memberships.failures().get(unchecked.get()) + "); try again later"));
        }
        if (isReadOnly(command)) {
            return refuse(commenter, "read access to the fleet repository");
        }
        return refuse(commenter, command instanceof Command.Pause
                ? "write access to the fleet repository, or to be allowed to pause by the policy (by user id or team)"
                : "write access to the fleet repository, or to be allowed to steer by the policy (by user id or team)");
    }

    private boolean allowedWithoutTeams(Command command, Commenter commenter, RepositoryRole role) {
        if (isReadOnly(command)) {
            return role != RepositoryRole.NONE || steerers.contains(commenter.id()) || pausers.contains(commenter.id());
        }
        return role.canWrite() || steerers.contains(commenter.id())
                || command instanceof Command.Pause && pausers.contains(commenter.id());
    }

    /** Steering teams allow every command; pausing teams pause, and read what is read. */
    private Set<Team> teamsFor(Command command) {
        if (!isReadOnly(command) && !(command instanceof Command.Pause)) {
            return steerTeams;
        }
        Set<Team> teams = new LinkedHashSet<>(steerTeams);
        teams.addAll(pauseTeams);
        return teams;
    }

    private static boolean isReadOnly(Command command) {
        return command instanceof Command.Status || command instanceof Command.Help || command instanceof Command.Unknown
                || command instanceof Command.Malformed;
    }

    private static Verdict refuse(Commenter commenter, String needed) {
        return new Verdict(false, Optional.of("@" + commenter.login() + " may not give this command: it needs " + needed));
    }

    /** Allowed, refused with a reason to reply, or ignored without a reply (bots). */
    public record Verdict(boolean allowed, Optional<String> refusal) {
        public static final Verdict ALLOW = new Verdict(true, Optional.empty());
        public static final Verdict IGNORE = new Verdict(false, Optional.empty());

        public boolean answered() {
            return allowed || refusal.isPresent();
        }
    }
}
