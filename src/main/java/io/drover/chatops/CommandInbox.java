package io.drover.chatops;

import io.drover.forge.Comment;
import io.drover.forge.Forge;
import io.drover.forge.ForgeException;
import io.drover.forge.RepositoryPermission;
import io.drover.model.Team;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the oldest command not answered yet on some threads (pull requests or issues). A command
 * is answered when Drover's own reply carries its comment's id ({@link #answeredMarker}): that is
 * what makes a re-delivered webhook, a replayed comment or a restart act once. Edited comments,
 * comments by bots and Drover's own never act and are never answered.
 */
public final class CommandInbox {

    private static final Pattern ANSWERED = Pattern.compile("drover:command id=(\\d+)");

    private CommandInbox() {
    }

    /** The hidden marker of Drover's reply to comment {@code commentId}. */
    public static String answeredMarker(long commentId) {
        return "drover:command id=" + commentId;
    }

    /**
     * The oldest unanswered command on the threads, with its commenter's role read from the forge
     * (one permission request, for that command only, and team membership requests only when the
     * role and the policy's ids do not allow it), or empty.
     */
    public static Optional<ReceivedCommand> oldest(Forge forge, List<Integer> threads, String droverLogin, CommandAccess access)
            throws ForgeException {
        List<Candidate> candidates = new ArrayList<>();
        for (int thread : threads) {
            List<Comment> comments = forge.comments(thread);
            Set<Long> answered = answered(comments, droverLogin);
            for (Comment c : comments) {
                if (answered.contains(c.id()) || c.author().equalsIgnoreCase(droverLogin) || c.edited() || isBot(c)) {
                    continue;
                }
                List<Command> commands = CommandParser.parse(c.body());
                if (!commands.isEmpty()) {
                    candidates.add(new Candidate(thread, c, commands));
                }
            }
        }
        Optional<Candidate> first = candidates.stream().min(Comparator.comparing((Candidate c) -> c.comment().createdAt())
                .thenComparingLong(c -> c.comment().id()));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Candidate c = first.get();
        Commenter commenter = new Commenter(c.comment().authorId(), c.comment().author(), false);
        Command command = c.commands().get(0);
        RepositoryPermission permission = forge.permission(commenter.login());
        RepositoryRole role = role(permission, commenter);
        // Teams are asked by login, and their answer names no user id: a login the permission answer
        // shows to be someone else's now must not lend that someone's teams either.
        Memberships memberships = isSomeoneElse(permission, commenter) ? Memberships.NONE
                : memberships(forge, access.teamsToAsk(command, commenter, role), commenter.login());
        return Optional.of(new ReceivedCommand(c.thread(), c.comment(), command, commenter, role,
                access.check(command, commenter, role, memberships), c.commands().size() - 1));
    }

    /**
     * Asks the teams in order until one has the login as an active member. A failed request is
     * noted, not thrown: the command is then refused with the reason, and nothing else happens.
     * When the forge says when to come back (a rate limit), the pass waits instead of answering.
     */
    private static Memberships memberships(Forge forge, List<Team> teams, String login) throws ForgeException {
        Map<Team, String> failures = new HashMap<>();
        for (Team team : teams) {
            try {
                if (forge.isActiveTeamMember(team.org(), team.slug(), login)) {
                    return new Memberships(Set.of(team), failures);
                }
            } catch (ForgeException e) {
                if (e.retryAfter().isPresent()) {
                    throw e;
                }
                failures.put(team, e.getMessage());
            }
        }
        return new Memberships(Set.of(), failures);
    }

    /**
     * The role the forge gives the login, if it is still the commenter's: a login renamed since
     * the comment, and taken by someone else, must not lend that someone's role.
     */
    private static RepositoryRole role(RepositoryPermission permission, Commenter commenter) {
        if (isSomeoneElse(permission, commenter)) {
            return RepositoryRole.NONE;
        }
        return RepositoryRole.of(permission.roleName(), permission.permission());
    }

    private static boolean isSomeoneElse(RepositoryPermission permission, Commenter commenter) {
        return permission.userId() != 0 && permission.userId() != commenter.id();
    }

    /** Bots, as the forge marks them or by GitHub's {@code [bot]} login suffix for apps. */
    static boolean isBot(Comment comment) {
        return comment.bot() || comment.author().toLowerCase(Locale.ROOT).endsWith("[bot]");
    }

    private static Set<Long> answered(List<Comment> comments, String droverLogin) {
        Set<Long> ids = new HashSet<>();
        for (Comment c : comments) {
            if (c.author().equalsIgnoreCase(droverLogin)) {
                Matcher m = ANSWERED.matcher(c.body());
                while (m.find()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        return ids;
    }

    private record Candidate(int thread, Comment comment, List<Command> commands) {
    }
}
