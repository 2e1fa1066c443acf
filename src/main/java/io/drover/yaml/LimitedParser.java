package io.drover.yaml;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Hands the composer its events while counting nesting and aliases, so that a document beyond
 * {@link YamlLimits} is refused at the event that crosses the limit. The composer recurses once
 * per level, so a deep document would otherwise end in a StackOverflowError.
 */
final class LimitedParser implements Parser {

    private final Parser parser;
    private final Set<Anchor> collectionAnchors = new HashSet<>();
    private int depth;
    private int collectionAliases;
    private boolean sawAlias;
    private Optional<Mark> lastMark = Optional.empty();
    private Optional<Event> last = Optional.empty();

    LimitedParser(Parser parser) {
        this.parser = parser;
    }

    /** Unchecked, to pass through the composer; {@link YamlFile} turns it into a {@link YamlSyntaxException}. */
    static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Optional<Mark> mark;
        final String fix;

        LimitExceeded(Optional<Mark> mark, String problem, String fix) {
            super(problem, null, false, false);
            this.mark = mark;
            this.fix = fix;
        }
    }

    @Override
    public Event next() {
        Event event = parser.next();
        lastMark = event.getStartMark().or(() -> lastMark);
        last = Optional.of(event);
        sawAlias |= event instanceof AliasEvent;
        if (event instanceof CollectionStartEvent start) {
            if (++depth > YamlLimits.MAX_NESTING_DEPTH) {
                throw new LimitExceeded(event.getStartMark(), "mappings and lists nested more than "
                        + YamlLimits.MAX_NESTING_DEPTH + " deep (Drover's limit)",
                        "flatten the document: no fleet manifest needs that depth");
            }
            start.getAnchor().ifPresent(collectionAnchors::add);
        } else if (event.getEventId() == Event.ID.SequenceEnd || event.getEventId() == Event.ID.MappingEnd) {
            depth--;
        } else if (event instanceof ScalarEvent scalar) {
            scalar.getAnchor().ifPresent(collectionAnchors::remove);
        } else if (event instanceof AliasEvent alias && collectionAnchors.contains(alias.getAlias())
                && ++collectionAliases > YamlLimits.MAX_COLLECTION_ALIASES) {
            throw new LimitExceeded(event.getStartMark(), "more than " + YamlLimits.MAX_COLLECTION_ALIASES
                    + " aliases of mappings or lists in one file (Drover's limit)",
                    "write the repeated parts out instead of referring to them with *aliases");
        }
        return event;
    }

    /** Whether the stream so far held an alias: only then can a composed node be reached twice. */
    boolean sawAlias() {
        return sawAlias;
    }

    /** Where the last event handed out starts: the place a later failure without position refers to. */
    Optional<Mark> lastMark() {
        return lastMark;
    }

    /** The last event handed out: what the composer had read when a later event failed. */
    Optional<Event> lastEvent() {
        return last;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }
}
