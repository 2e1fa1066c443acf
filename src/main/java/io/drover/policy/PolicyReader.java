package io.drover.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drover.model.DnsLabel;
import io.drover.model.Problem;
import io.drover.model.StepKind;
import io.drover.model.Team;
import io.drover.policy.PolicyDocument.Spec;
import io.drover.policy.PolicyDocument.Window;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlLimits;
import io.drover.yaml.YamlNode;
import io.drover.yaml.YamlSyntaxException;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a policy file: Jackson binds the YAML (and names unknown or mistyped fields with their
 * line), then the meaning is checked and every problem is reported together.
 */
public final class PolicyReader {

    private static final ObjectMapper YAML = new ObjectMapper(limitedYamlFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern IN_FLIGHT = Pattern.compile("(\\d+)(%)?");
    private static final int MAX_IN_FLIGHT = 100_000;
    /** A Kubernetes label key: an optional DNS subdomain prefix and a name of up to 63 characters. */
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final String STEP_KINDS = Arrays.stream(StepKind.values()).map(StepKind::id)
            .collect(Collectors.joining(", "));

    private final String path;
    private final YamlNode root;
    private final List<Problem> problems = new ArrayList<>();

    private PolicyReader(String path, YamlNode root) {
        this.path = path;
        this.root = root;
    }

    /**
     * The file was parsed within {@link YamlLimits} before Jackson sees it; Jackson's own parser gets
     * the same size and nesting limits, so that it can never be the weaker of the two. (It expands
     * no aliases, so their limit has nothing to hold there.)
     */
    private static YAMLFactory limitedYamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(YamlLimits.MAX_CODE_POINTS);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlLimits.MAX_NESTING_DEPTH).build())
                .build();
    }

    public static Policy read(String path, String text) throws InvalidPolicyException {
        YamlNode root;
        try {
            List<YamlNode> docs = YamlFile.parse(path, text).documents();
            if (docs.isEmpty()) {
                throw new InvalidPolicyException(List.of(new Problem(path, 0, "the policy file is empty",
                        "write a kind: Policy document (see docs/policies.md)")));
            }
            root = docs.get(0);
        } catch (YamlSyntaxException e) {
            throw new InvalidPolicyException(List.of(new Problem(path, e.line(), e.statement(), e.fix())));
        }
        if (!root.isMapping()) {
            throw new InvalidPolicyException(List.of(new Problem(path, root.line(), "the policy is "
                    + (root.isSequence() ? "a list" : "a single value") + ", not a mapping",
                    "write it as a kind: Policy document with metadata and spec (see docs/policies.md)")));
        }
        List<Problem> emptyItems = new ArrayList<>();
        findEmptyItems(path, root, "", emptyItems);
        if (!emptyItems.isEmpty()) {
            throw new InvalidPolicyException(emptyItems);
        }
        PolicyDocument document;
        try {
            document = YAML.readValue(text, PolicyDocument.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidPolicyException(List.of(new Problem(path, lineOf(root, e),
                    "unknown field '" + e.getPropertyName() + "'",
                    "known fields here: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")))));
        } catch (MismatchedInputException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String value = e instanceof InvalidFormatException format ? ", not '" + format.getValue() + "'" : "";
            throw new InvalidPolicyException(List.of(new Problem(path, line, fieldOf(e) + " must be "
                    + shapeOf(e.getTargetType()) + value, "check the type of the value at that line against docs/policies.md")));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidPolicyException(List.of(new Problem(path, line, e.getOriginalMessage(),
                    "check the type of the value at that line against docs/policies.md")));
        }
        return new PolicyReader(path, root).check(document);
    }

    /** The field as the user wrote it, {@code spec.changeWindows[0].days}, not Jackson's Java types. */
    private static String fieldOf(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "the policy" : field.toString();
    }

    private static String shapeOf(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Integer.class == type || int.class == type) {
            return "a whole number";
        }
        if (Double.class == type || double.class == type) {
            return "a number";
        }
        if (Boolean.class == type || boolean.class == type) {
            return "true or false";
        }
        return String.class == type ? "a single value" : "a mapping of fields";
    }

    /** Jackson binds an empty list item ({@code days: [MON, ~]}) to null, which no check expects. */
    private static void findEmptyItems(String path, YamlNode node, String field, List<Problem> problems) {
        node.entries().forEach((key, value) -> findEmptyItems(path, value, field.isEmpty() ? key : field + "." + key, problems));
        for (YamlNode item : node.items()) {
            if (item.isNull()) {
                problems.add(new Problem(path, item.line(), field + " has an empty item", "remove it, or write its value"));
            } else {
                findEmptyItems(path, item, field + "[]", problems);
            }
        }
    }

    /**
     * Jackson places an unknown field at the end of the object that holds it; the field's own key
     * line is found by following Jackson's path through the YAML tree.
     */
    private static int lineOf(YamlNode root, UnrecognizedPropertyException e) {
        YamlNode node = root;
        List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs = e.getPath();
        for (int i = 0; i < refs.size(); i++) {
            var ref = refs.get(i);
            if (ref.getFieldName() != null) {
                if (i == refs.size() - 1 && node.keyLine(ref.getFieldName()) > 0) {
                    return node.keyLine(ref.getFieldName());
                }
                Optional<YamlNode> next = node.get(ref.getFieldName());
                if (next.isEmpty()) {
                    break;
                }
                node = next.get();
            } else if (ref.getIndex() >= 0 && ref.getIndex() < node.items().size()) {
                node = node.items().get(ref.getIndex());
            }
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private Policy check(PolicyDocument doc) throws InvalidPolicyException {
        if (!"Policy".equals(doc.kind())) {
            problem(line("kind"), "kind is '" + doc.kind() + "'", "set kind: Policy");
        }
        String name = doc.metadata() == null || doc.metadata().name() == null ? null : doc.metadata().name();
        if (name == null) {
            problem(line("metadata"), "missing metadata.name", "name the policy");
        }
        Spec spec = doc.spec();
        if (spec == null) {
            problem(line("spec"), "missing spec", "see docs/policies.md for the fields");
            throw new InvalidPolicyException(problems);
        }
        List<Integer> ramp = checkRamp(spec.trafficRamp());
        Map<StepKind, Duration> soak = durationsByKind(spec.soak(), "soak", false);
        ClustersInFlight inFlight = clustersInFlight(spec.clustersInFlight());
        Optional<Stages> stages = stages(spec.stages());
        Policy.CapacityRule capacity = checkCapacity(spec.capacity());
        List<TimeWindow> freeze = windows(spec.freezeWindows(), "freezeWindows");
        List<TimeWindow> change = windows(spec.changeWindows(), "changeWindows");
        Set<StepKind> autoMerge = EnumSet.noneOf(StepKind.class);
        List<String> autoMergeKinds = orDefault(spec.autoMerge(), List.<String>of());
        List<YamlNode> autoMergeNodes = root.at("spec", "autoMerge").map(YamlNode::items).orElse(List.of());
        for (int i = 0; i < autoMergeKinds.size(); i++) {
            String kind = autoMergeKinds.get(i);
            int itemLine = i < autoMergeNodes.size() ? autoMergeNodes.get(i).line() : line("spec", "autoMerge");
            StepKind.byId(kind).ifPresentOrElse(autoMerge::add, () -> problem(itemLine,
                    "autoMerge names unknown step kind '" + kind + "'", "use step kinds: " + STEP_KINDS));
        }
        Map<StepKind, Duration> gateTimeouts = durationsByKind(spec.gateTimeouts(), "gateTimeouts", true);
        Duration defaultGate = Optional.ofNullable(spec.gateTimeouts()).map(m -> m.get("default"))
                .flatMap(d -> duration(d, line("spec", "gateTimeouts", "default"))).orElse(Duration.ofMinutes(30));
        Policy.ChatOpsAccess chatOps = chatOps(spec.chatOps());
        String naming = orDefault(spec.newClusterName(), "{prefix}-{seq}");
        if (!naming.contains("{seq}") && !naming.contains("{version}")) {
            problem(line("spec", "newClusterName"), "newClusterName '" + naming + "' gives every new cluster the same name",
                    "include {seq} (the next free number) or {version}");
        }
        NewClusterNames.whyNeverValid(naming).ifPresent(why -> problem(line("spec", "newClusterName"), "newClusterName '"
                + naming + "' can never give a cluster name (" + DnsLabel.RULE + "): " + why,
                "use lower case letters, digits, '-' and the placeholders {prefix}, {seq}, {name}, {region}, {version}"));
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new Policy(name, path, ramp, soak, inFlight, stages, capacity, freeze, change, autoMerge, defaultGate,
                gateTimeouts, chatOps,
                naming, orDefault(spec.automaticRollback(), false));
    }

    /**
     * Numeric user ids and teams. Logins are refused because a renamed login can be taken by
     * someone else; a team is asked of the forge for each command, so its members are who they are
     * at that moment. A team's organization need not own the fleet repository: Drover's GitHub
     * access only has to be able to see the team.
     */
    private Policy.ChatOpsAccess chatOps(PolicyDocument.ChatOps chatOps) {
        if (chatOps == null) {
            return Policy.ChatOpsAccess.NONE;
        }
        if (chatOps.users() != null && !chatOps.users().isEmpty()) {
            problem(line("spec", "chatOps", "users"), "chatOps.users names logins, which can be renamed and then taken by "
                    + "someone else", "list numeric GitHub user ids under chatOps.steer (every command) or chatOps.pause "
                    + "(pause only), or teams under chatOps.teams or chatOps.pauseTeams; `gh api users/LOGIN --jq .id` "
                    + "prints a user's id");
        }
        List<Long> steer = orDefault(chatOps.steer(), List.<Long>of());
        List<Long> pause = orDefault(chatOps.pause(), List.<Long>of());
        for (String field : List.of("steer", "pause")) {
            List<Long> ids = field.equals("steer") ? steer : pause;
            if (ids.stream().anyMatch(id -> id == null || id <= 0)) {
                problem(line("spec", "chatOps", field), "chatOps." + field + " holds something that is not a GitHub user id",
                        "numeric ids above 0 only, e.g. [583231]");
            }
        }
        return new Policy.ChatOpsAccess(new LinkedHashSet<>(steer.stream().filter(id -> id != null && id > 0).toList()),
                new LinkedHashSet<>(pause.stream().filter(id -> id != null && id > 0).toList()),
                teams(chatOps.teams(), "teams"), teams(chatOps.pauseTeams(), "pauseTeams"));
    }

    private Set<Team> teams(List<String> texts, String field) {
        Set<Team> teams = new LinkedHashSet<>();
        List<YamlNode> nodes = root.at("spec", "chatOps", field).map(YamlNode::items).orElse(List.of());
        List<String> list = orDefault(texts, List.<String>of());
        for (int i = 0; i < list.size(); i++) {
            String text = list.get(i);
            int itemLine = i < nodes.size() ? nodes.get(i).line() : line("spec", "chatOps", field);
            Team.parse(text).ifPresentOrElse(teams::add, () -> problem(itemLine, "chatOps." + field + " holds '" + text
                    + "', which is not a team", "write " + Team.FORM + ", e.g. acme/platform-oncall: the organization's "
                    + "login and the team's slug, as in the team's URL github.com/orgs/acme/teams/platform-oncall"));
        }
        return teams;
    }

    /** A whole number of clusters, or a percentage of the selected ones: {@code 2}, {@code 25%}. */
    private ClustersInFlight clustersInFlight(String text) {
        int line = line("spec", "clustersInFlight");
        String value = orDefault(text, "1").strip();
        Matcher matcher = IN_FLIGHT.matcher(value);
        if (!matcher.matches()) {
            problem(line, "clustersInFlight '" + value + "' is neither a number of clusters nor a percentage",
                    "write a whole number such as 2, or a percentage of the selected clusters such as 25%");
            return ClustersInFlight.ONE;
        }
        boolean percent = matcher.group(2) != null;
        long number = matcher.group(1).length() > 9 ? Long.MAX_VALUE : Long.parseLong(matcher.group(1));
        if (number < 1) {
            problem(line, "clustersInFlight must be at least 1" + (percent ? "%" : ""), percent
                    ? "a percentage is rounded up to whole clusters and never gives less than one: write 1% to 100%"
                    : "set it to 1 or more");
            return ClustersInFlight.ONE;
        }
        if (percent && number > 100) {
            problem(line, "clustersInFlight " + value + " is more than all the selected clusters",
                    "write a percentage from 1% to 100%");
            return ClustersInFlight.ONE;
        }
        if (number > MAX_IN_FLIGHT) {
            problem(line, "clustersInFlight " + value + " is more than " + MAX_IN_FLIGHT,
                    "write a smaller number, or a percentage such as 100% for every selected cluster at once");
            return ClustersInFlight.ONE;
        }
        return new ClustersInFlight((int) number, percent);
    }

    /** Stages need the label they order by; its values in {@code order} must be label values, each once. */
    private Optional<Stages> stages(PolicyDocument.Stages stages) {
        if (stages == null) {
            return Optional.empty();
        }
        String by = orDefault(stages.by(), "").strip();
        if (by.isEmpty()) {
            problem(line("spec", "stages"), "stages has no 'by'",
                    "name the cluster label the stages follow, e.g. by: topology.kubernetes.io/region, or by: " + Stages.WAVE);
        } else if (!LABEL_KEY.matcher(by).matches()) {
            problem(line("spec", "stages", "by"), "stages.by '" + by + "' is not a label key",
                    "write a Kubernetes label key such as topology.kubernetes.io/region or " + Stages.WAVE);
        }
        List<String> order = orDefault(stages.order(), List.<String>of());
        List<YamlNode> nodes = root.at("spec", "stages", "order").map(YamlNode::items).orElse(List.of());
        Set<String> seen = new LinkedHashSet<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String value = order.get(i);
            int itemLine = i < nodes.size() ? nodes.get(i).line() : line("spec", "stages", "order");
            lines.add(itemLine);
            if (!LABEL_VALUE.matcher(value).matches()) {
                problem(itemLine, "stages.order holds '" + value + "', which is not a label value",
                        "write values of " + (by.isEmpty() ? "the label" : by) + " as the clusters have them: up to 63 "
                                + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            } else if (!seen.add(value)) {
                problem(itemLine, "stages.order names '" + value + "' twice", "name each stage once");
            }
        }
        return by.isEmpty() ? Optional.empty() : Optional.of(new Stages(by, order, lines));
    }

    private List<Integer> checkRamp(List<Integer> ramp) {
        List<Integer> steps = orDefault(ramp, List.of(10, 25, 50, 100));
        boolean increasing = true;
        for (int i = 1; i < steps.size(); i++) {
            increasing &= steps.get(i) > steps.get(i - 1);
        }
        if (steps.isEmpty() || !increasing || steps.get(0) <= 0 || steps.get(steps.size() - 1) != 100) {
            problem(line("spec", "trafficRamp"), "trafficRamp " + steps + " is not a rising list of percentages ending at 100",
                    "write it like [10, 25, 50, 100]");
        }
        return steps;
    }

    private Policy.CapacityRule checkCapacity(PolicyDocument.Capacity capacity) {
        int spare = capacity == null ? 1 : orDefault(capacity.spareClusters(), 1);
        double max = capacity == null ? 0.8 : orDefault(capacity.maxUtilisation(), 0.8);
        if (spare < 0) {
            problem(line("spec", "capacity", "spareClusters"), "spareClusters must be 0 or more", "1 means N+1, 2 means N+2");
        }
        if (max <= 0 || max > 1) {
            problem(line("spec", "capacity", "maxUtilisation"), "maxUtilisation " + max + " is not a fraction in (0, 1]",
                    "write 0.75 for 75%");
        }
        return new Policy.CapacityRule(spare, max);
    }

    private Map<StepKind, Duration> durationsByKind(Map<String, String> values, String field, boolean allowDefault) {
        Map<StepKind, Duration> result = new EnumMap<>(StepKind.class);
        orDefault(values, Map.<String, String>of()).forEach((key, text) -> {
            if (allowDefault && key.equals("default")) {
                return;
            }
            int line = line("spec", field, key);
            StepKind.byId(key).ifPresentOrElse(
                    kind -> duration(text, line).ifPresent(d -> result.put(kind, d)),
                    () -> problem(line, field + " names unknown step kind '" + key + "'", "use step kinds: " + STEP_KINDS
                            + (allowDefault ? ", or default" : "")));
        });
        return result;
    }

    private Optional<Duration> duration(String text, int line) {
        try {
            Duration d = DurationConverter.parseDuration(text == null ? "" : text.trim());
            if (d != null && !d.isNegative()) {
                return Optional.of(d);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problem(line, "'" + (text == null ? "" : text) + "' is not a duration", "write durations like 30s, 15m, 2h or 1d");
        return Optional.empty();
    }

    private List<TimeWindow> windows(List<Window> windows, String field) {
        List<TimeWindow> result = new ArrayList<>();
        List<YamlNode> nodes = root.at("spec", field).map(YamlNode::items).orElse(List.of());
        List<Window> list = orDefault(windows, List.of());
        for (int i = 0; i < list.size(); i++) {
            // Jackson and the YAML tree see the same list; the fallback only guards against a mismatch.
            YamlNode node = i < nodes.size() ? nodes.get(i) : root.at("spec", field).orElse(root);
            window(list.get(i), field + "[" + i + "]", node).ifPresent(result::add);
        }
        return result;
    }

    /** Each problem of a window points at the line of the field it is about. */
    private Optional<TimeWindow> window(Window w, String label, YamlNode node) {
        String name = orDefault(w.name(), label);
        ZoneId zone;
        try {
            zone = ZoneId.of(orDefault(w.timeZone(), "UTC"));
        } catch (RuntimeException e) {
            problem(node.nearestLine("timeZone"), name + ": unknown time zone '" + w.timeZone() + "'",
                    "use an IANA zone such as Europe/Berlin");
            return Optional.empty();
        }
        if (w.from() == null || w.until() == null) {
            problem(node.line(), name + ": a window needs from and until", "see docs/policies.md");
            return Optional.empty();
        }
        return w.days() == null ? dateRange(name, w, zone, node) : weekly(name, w, zone, node);
    }

    private Optional<TimeWindow> dateRange(String name, Window w, ZoneId zone, YamlNode node) {
        Optional<Instant> from = dateOrInstant(name, w.from(), zone, false, node.nearestLine("from"));
        Optional<Instant> until = dateOrInstant(name, w.until(), zone, true, node.nearestLine("until"));
        if (from.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        if (!until.get().isAfter(from.get())) {
            problem(node.nearestLine("until"), name + ": until is not after from", "swap or correct the dates");
            return Optional.empty();
        }
        return Optional.of(new TimeWindow.DateRange(name, from.get(), until.get()));
    }

    /** A date alone means the start of that day, or for {@code until} the end of it. */
    private Optional<Instant> dateOrInstant(String name, String text, ZoneId zone, boolean endOfDay, int line) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return Optional.of((endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            problem(line, name + ": '" + text + "' is neither a date nor a date-time",
                    "write 2026-11-26 (a whole day in timeZone) or 2026-11-26T08:00:00Z");
            return Optional.empty();
        }
    }

    private Optional<TimeWindow> weekly(String name, Window w, ZoneId zone, YamlNode node) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<YamlNode> dayNodes = node.at("days").map(YamlNode::items).orElse(List.of());
        for (int i = 0; i < w.days().size(); i++) {
            String day = w.days().get(i);
            int line = i < dayNodes.size() ? dayNodes.get(i).line() : node.nearestLine("days");
            Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().startsWith(day.toUpperCase(Locale.ROOT)) && day.length() >= 3).findFirst()
                    .ifPresentOrElse(days::add, () -> problem(line, name + ": unknown day '" + day + "'",
                            "write days as MON, TUE, ... SUN"));
        }
        Optional<LocalTime> from = timeOfDay(name, w.from(), node.nearestLine("from"));
        boolean untilMidnight = w.until().equals("24:00");
        Optional<LocalTime> until = untilMidnight ? Optional.of(LocalTime.MIDNIGHT)
                : timeOfDay(name, w.until(), node.nearestLine("until"));
        if (from.isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TimeWindow.Weekly(name, days, from.get(), until.get(), untilMidnight, zone));
    }

    private Optional<LocalTime> timeOfDay(String name, String text, int line) {
        try {
            return Optional.of(LocalTime.parse(text));
        } catch (DateTimeParseException e) {
            problem(line, name + ": '" + text + "' is not a time of day", "write times as \"HH:MM\" in quotes");
            return Optional.empty();
        }
    }

    private int line(String... keys) {
        return root.nearestLine(keys);
    }

    private void problem(int line, String message, String fix) {
        problems.add(new Problem(path, line, message, fix));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
