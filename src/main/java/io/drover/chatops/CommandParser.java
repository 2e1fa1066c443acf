package io.drover.chatops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ChatOps commands from a comment body. A command is a line that starts with {@code /drover}
 * (up to three spaces of indentation, as a Markdown paragraph allows), outside fenced code blocks,
 * indented code and {@code >} quotes, so that quoting or showing a command never runs it. The verb
 * is case-insensitive; arguments are checked strictly.
 */
public final class CommandParser {

    /** Verb and how it is written, in the order {@code /drover help} lists them. */
    public static final Map<String, String> USAGE = orderedUsage();

    private static final Pattern LINE = Pattern.compile("^ {0,3}/drover(?:\\s+(\\S+)(?:\\s+(.*))?)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,252}");
    private static final int MAX_REASON = 500;

    private CommandParser() {
    }

    /** Every command in the comment, in order; empty when it holds none. */
    public static List<Command> parse(String body) {
        List<Command> commands = new ArrayList<>();
        String openFence = null;
        for (String line : body.split("\\R", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (openFence == null && fence.find()) {
                openFence = fence.group(1);
                continue;
            }
            if (openFence != null) {
                if (closes(openFence, line)) {
                    openFence = null;
                }
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                commands.add(command(m.group(1), Optional.ofNullable(m.group(2)).map(String::strip).filter(s -> !s.isEmpty())));
            }
        }
        return commands;
    }

    /** A closing fence: the opening's character, at least as many, and nothing else on the line. */
    private static boolean closes(String openFence, String line) {
        String fence = line.strip();
        return fence.length() >= openFence.length() && fence.chars().allMatch(c -> c == openFence.charAt(0));
    }

    private static Command command(String typedVerb, Optional<String> args) {
        if (typedVerb == null) {
            return new Command.Unknown("", Optional.of("help"));
        }
        String verb = typedVerb.toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "pause" -> tooLong(args) ? reasonTooLong(verb) : new Command.Pause(args);
            case "abort" -> tooLong(args) ? reasonTooLong(verb) : new Command.Abort(args);
            case "resume" -> args.isEmpty() ? new Command.Resume() : noArguments(verb);
            case "retry" -> args.isEmpty() ? new Command.Retry() : noArguments(verb);
            case "status" -> args.isEmpty() ? new Command.Status() : noArguments(verb);
            case "help" -> new Command.Help();
            case "skip" -> skip(args);
            default -> new Command.Unknown(verb, nearest(verb));
        };
    }

    private static Command skip(Optional<String> args) {
        if (args.isEmpty()) {
            return new Command.Skip(Optional.empty());
        }
        String id = args.get();
        if (!STEP_ID.matcher(id).matches()) {
            return new Command.Malformed("skip", "`" + abbreviate(id) + "` is not a step id", USAGE.get("skip"));
        }
        return new Command.Skip(Optional.of(id));
    }

    private static boolean tooLong(Optional<String> reason) {
        return reason.isPresent() && reason.get().length() > MAX_REASON;
    }

    private static Command reasonTooLong(String verb) {
        return new Command.Malformed(verb, "the reason is longer than " + MAX_REASON + " characters", USAGE.get(verb));
    }

    private static Command noArguments(String verb) {
        return new Command.Malformed(verb, "`" + verb + "` takes no arguments", USAGE.get(verb));
    }

    /** The known verb within two edits of the typed one, if there is exactly a nearest one. */
    static Optional<String> nearest(String verb) {
        String best = null;
        int bestDistance = 3;
        for (String known : USAGE.keySet()) {
            int d = distance(verb, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static Map<String, String> orderedUsage() {
        var usage = new java.util.LinkedHashMap<String, String>();
        usage.put("pause", "/drover pause [reason]");
        usage.put("resume", "/drover resume");
        usage.put("skip", "/drover skip [STEP-ID]");
        usage.put("retry", "/drover retry");
        usage.put("abort", "/drover abort [reason]");
        usage.put("status", "/drover status");
        usage.put("help", "/drover help");
        return java.util.Collections.unmodifiableMap(usage);
    }
}
