package io.drover.chatops;

import java.util.List;

/**
 * The one description of the ChatOps commands: {@code /drover help} replies with it and the
 * README's ChatOps section is this text (a test keeps them the same).
 */
public final class CommandHelp {

    /** A command as documented: how it is written, what it does, who may give it. */
    public record Entry(String verb, String usage, String does, String who) {
    }

    private static final String WRITERS = "write, maintain or admin";
    private static final String STEERERS = WRITERS + "; an id in `chatOps.steer`; an active member of a team in `chatOps.teams`";
    private static final String PAUSERS = STEERERS + "; an id in `chatOps.pause`; an active member of a team in `chatOps.pauseTeams`";
    private static final String READERS = "anyone with read access, or allowed in `chatOps`";

    public static final List<Entry> COMMANDS = List.of(
            new Entry("pause", "/drover pause [reason]", "stops the rollout where it is: no merge, rebuild or new pull request "
                    + "until it is resumed; labels the step's pull request `drover/paused`", PAUSERS),
            new Entry("resume", "/drover resume", "goes on after a pause; refused when the pull request's head changed after "
                    + "the comment was written (look at the new head, then resume again)", STEERERS),
            new Entry("skip", "/drover skip [STEP-ID]", "leaves the clusters of the next (or named) step out of the rest of "
                    + "the rollout; refused, with the numbers, when the plan without them breaks the policy's capacity rule",
                    STEERERS),
            new Entry("retry", "/drover retry", "after a failed or timed-out gate: checks the gate again, its timeout counted "
                    + "from now; on an open step pull request: rebuilds its branch on the base branch", STEERERS),
            new Entry("abort", "/drover abort [reason]", "stops the rollout for good, closes its open step pull request and "
                    + "proposes, one at a time and newest first, the pull requests that revert its merged steps", STEERERS),
            new Entry("status", "/drover status", "replies with where the rollout stands and what Drover does next", READERS),
            new Entry("help", "/drover help", "replies with this list", READERS));

    private CommandHelp() {
    }

    /** Markdown: what the commands do, where they are read, and who may give them. */
    public static String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("Commands are lines of a new comment on the rollout's current step pull request, or on its dashboard issue")
                .append(" where Drover keeps one, that start with `/drover`")
                .append(" (not in quotes or code blocks). Drover reacts at once and replies with what it did or why not.")
                .append(" Edited comments, and comments by bots, never act. Permission is the commenter's role on the fleet")
                .append(" repository, or their numeric user id or a team they are an active member of in the policy's")
                .append(" `chatOps` (of the base branch).\n\n");
        s.append("| command | what it does | who may give it |\n| --- | --- | --- |\n");
        for (Entry e : COMMANDS) {
            s.append("| `").append(e.usage()).append("` | ").append(e.does()).append(" | ").append(e.who()).append(" |\n");
        }
        return s.toString();
    }
}
