package io.drover.planning.steps;

import io.drover.model.HostnameTraffic;
import io.drover.yaml.YamlEditor;
import io.drover.yaml.YamlFile;
import io.drover.yaml.YamlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Edits weighted records of DNSEndpoints: one weight, a new record, a removed record. */
final class TrafficEdits {

    private static final String WEIGHT = "aws/weight";

    private TrafficEdits() {
    }

    static void setWeight(FileEdits edits, HostnameTraffic hostname, String cluster, int weight) {
        edits.editPart(hostname.path(), FileEdits.kindNamed("DNSEndpoint", hostname.resourceName()), Set.of(cluster), (doc, editor) ->
                editor.replaceScalar(weightNode(records(edits, hostname, doc).endpoint(cluster)), Integer.toString(weight)));
    }

    /** Adds a record for {@code to} modelled on the record of {@code from}, at weight 0. */
    static void addRecordLike(FileEdits edits, HostnameTraffic hostname, String from, String to) {
        edits.editPart(hostname.path(), FileEdits.kindNamed("DNSEndpoint", hostname.resourceName()), Set.of(from, to), (doc, editor) -> {
            YamlNode endpoints = doc.at("spec", "endpoints").orElseThrow();
            int index = records(edits, hostname, doc).indexOf(from);
            String copy = Names.replace(editor.itemSource(endpoints, index), from, to);
            YamlFile item = FileEdits.parse(hostname.path() + " (new record)", copy);
            YamlNode record = item.documents().get(0);
            String zeroWeight = new YamlEditor(item).replaceScalar(weightNode(record), "0").apply();
            editor.appendItem(endpoints, zeroWeight.stripTrailing());
        });
    }

    static void removeRecord(FileEdits edits, HostnameTraffic hostname, String cluster) {
        edits.editPart(hostname.path(), FileEdits.kindNamed("DNSEndpoint", hostname.resourceName()), Set.of(cluster), (doc, editor) -> {
            YamlNode endpoints = doc.at("spec", "endpoints").orElseThrow();
            editor.removeItem(endpoints, records(edits, hostname, doc).indexOf(cluster));
        });
    }

    /** The records of a DNSEndpoint by cluster, found once per parse of its file. */
    private static Records records(FileEdits edits, HostnameTraffic hostname, YamlNode doc) {
        return edits.derived(hostname.path(), "weighted records", doc,
                d -> new Records(hostname.path() + "#" + hostname.resourceName(), d.at("spec", "endpoints").orElseThrow()));
    }

    /**
     * The records of a DNSEndpoint, found by cluster. Each step edits a new state of the file, and
     * walking its thousands of records to the one edited cost a step more the larger the fleet; the
     * position found in an earlier state ({@link RecordPositions}) and a few before it, and the
     * last record, are tried first, each checked against the record's own setIdentifier, and the
     * records are walked only when none fits.
     */
    private static final class Records {

        /** How many places before its last known one a record is looked for: records removed above it since. */
        private static final int LOOK_BACK = 16;

        private final String endpoint;
        private final YamlNode items;
        private Map<String, Integer> walked;

        private Records(String endpoint, YamlNode items) {
            this.endpoint = endpoint;
            this.items = items;
        }

        int indexOf(String cluster) {
            if (walked == null) {
                // Records above removed since move it earlier; look back a few places from where it was.
                int hint = RecordPositions.hint(endpoint, cluster);
                for (int at = Math.min(hint, items.itemCount() - 1); at >= 0 && at >= hint - LOOK_BACK; at--) {
                    if (cluster.equals(nameAt(at))) {
                        return at;
                    }
                }
                // A cluster added since the records were last walked has the last record.
                int last = items.itemCount() - 1;
                if (last >= 0 && cluster.equals(nameAt(last))) {
                    return last;
                }
                walked = new HashMap<>();
                for (int i = 0; i < items.itemCount(); i++) {
                    walked.putIfAbsent(nameAt(i), i);
                }
                RecordPositions.remember(endpoint, walked);
            }
            Integer index = walked.get(cluster);
            if (index == null) {
                throw new IllegalStateException("no weighted record for " + cluster);
            }
            return index;
        }

        YamlNode endpoint(String cluster) {
            return items.item(indexOf(cluster));
        }

        private String nameAt(int index) {
            return items.item(index).text("setIdentifier").orElse("");
        }
    }

    private static YamlNode weightNode(YamlNode endpoint) {
        return endpoint.get("providerSpecific").map(YamlNode::items).orElse(List.of()).stream()
                .filter(p -> WEIGHT.equals(p.text("name").orElse("")))
                .findFirst().flatMap(p -> p.get("value"))
                .orElseThrow(() -> new IllegalStateException("record without " + WEIGHT));
    }

}
