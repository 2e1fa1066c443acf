package io.drover.chatops;

import java.util.Optional;
import java.util.Set;

/**
 * Who may give which command, deny by default. Write access to the fleet repository allows every
 * command; a policy may allow more people by numeric user id, for every command or for pausing
 * only (stopping a rollout is safe to allow widely, going on is not). Bots, Drover included, are
 * never obeyed and never answered. {@code status} and {@code help} change nothing and are answered
 * for anyone with at least read access.
 */
public record CommandAccess(Set<Long> steerers, Set<Long> pausers) {

    public CommandAccess {
        steerers = Set.copyOf(steerers);
        pausers = Set.copyOf(pausers);
    }

    public static final CommandAccess WRITERS_ONLY = new CommandAccess(Set.of(), Set.of());

    /** Why a command is refused, or empty when it is allowed. Bots get {@link Verdict#IGNORE}. */
    public Verdict check(Command command, Commenter commenter, RepositoryRole role) {
        if (commenter.bot()) {
            return Verdict.IGNORE;
        }
        if (command instanceof Command.Status || command instanceof Command.Help || command instanceof Command.Unknown
                || command instanceof Command.Malformed) {
            return role != RepositoryRole.NONE || steerers.contains(commenter.id()) || pausers.contains(commenter.id())
                    ? Verdict.ALLOW : refuse(commenter, "read access to the fleet repository");
        }
        if (role.canWrite() || steerers.contains(commenter.id())) {
            return Verdict.ALLOW;
        }
        if (command instanceof Command.Pause && pausers.contains(commenter.id())) {
            return Verdict.ALLOW;
        }
        return refuse(commenter, command instanceof Command.Pause
                ? "write access to the fleet repository, or to be allowed to pause by the policy"
                : "write access to the fleet repository, or to be allowed to steer by the policy");
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
