package io.drover.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random puts and removals, every version checked against a TreeMap given the same changes: its
 * lookups, its entries in order, and views of random key ranges (nested ones too). Versions made
 * earlier must not change when later ones are made from them.
 */
class PersistentSortedMapTest {

    @Test
    void everyVersionReadsAsATreeMapWithTheSameChanges() {
        Random random = new Random(7);
        for (int run = 0; run < 40; run++) {
            TreeMap<String, String> start = new TreeMap<>();
            for (int i = random.nextInt(50); i > 0; i--) {
                start.put(key(random), "v" + i);
            }
            PersistentSortedMap<String> map = PersistentSortedMap.of(start);
            TreeMap<String, String> expected = new TreeMap<>(start);
            List<PersistentSortedMap<String>> versions = new ArrayList<>();
            List<TreeMap<String, String>> expectedVersions = new ArrayList<>();
            for (int change = 0; change < 300; change++) {
                String key = key(random);
                if (random.nextInt(3) == 0) {
                    map = map.without(key);
                    expected.remove(key);
                } else {
                    map = map.with(key, "w" + change);
                    expected.put(key, "w" + change);
                }
                assertSame(map, expected, random);
                if (change % 50 == 0) {
                    versions.add(map);
                    expectedVersions.add(new TreeMap<>(expected));
                }
            }
            for (int v = 0; v < versions.size(); v++) {
                assertThat(versions.get(v).view(null, null)).as("version %d kept", v).isEqualTo(expectedVersions.get(v));
            }
        }
    }

    @Test
    void aTreeOfThousandsOfKeysStaysShallow() {
        TreeMap<String, String> keys = new TreeMap<>();
        PersistentSortedMap<String> map = PersistentSortedMap.empty();
        for (int i = 0; i < 30_000; i++) {
            // Ascending keys: the order that unbalances a tree that is not rebalanced.
            String key = String.format("clusters/c%05d/cluster.yaml", i);
            map = map.with(key, "x");
            keys.put(key, "x");
        }
        for (int i = 0; i < 30_000; i += 3) {
            String key = String.format("clusters/c%05d/cluster.yaml", i);
            map = map.without(key);
            keys.remove(key);
        }
        assertThat(map.size()).isEqualTo(keys.size());
        assertThat(map.height()).as("height of %d keys", keys.size()).isLessThanOrEqualTo(1 + (int) (1.45 * Math.log(keys.size()) / Math.log(2)));
        assertThat(map.view(null, null)).isEqualTo(keys);
    }

    @Test
    void anEmptyRangeHasNoFirstOrLastKey() {
        PersistentSortedMap<String> map = PersistentSortedMap.of(new TreeMap<>(java.util.Map.of("a", "1", "c", "3")));
        SortedMap<String, String> between = map.view("b", "c");
        assertThat(between).isEmpty();
        assertThatThrownBy(between::firstKey).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(between::lastKey).isInstanceOf(NoSuchElementException.class);
        assertThat(map.without("b")).isSameAs(map);
    }

    private static void assertSame(PersistentSortedMap<String> map, TreeMap<String, String> expected, Random random) {
        assertThat(map.isBalanced()).as("balanced").isTrue();
        assertThat(map.size()).isEqualTo(expected.size());
        String probe = key(random);
        assertThat(map.get(probe)).isEqualTo(expected.get(probe));
        assertThat(map.containsKey(probe)).isEqualTo(expected.containsKey(probe));
        assertThat(new ArrayList<>(map.view(null, null).entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        String a = key(random);
        String b = key(random);
        String from = a.compareTo(b) <= 0 ? a : b;
        String to = a.compareTo(b) <= 0 ? b : a;
        assertView(map.view(from, to), expected, from, to, random);
        assertView(map.view(from, null), expected, from, null, random);
        assertView(map.view(null, to), expected, null, to, random);
    }

    /** The view against the entries of {@code all} between the bounds; a narrower view lies within both ranges. */
    private static void assertView(SortedMap<String, String> view, TreeMap<String, String> all, String from, String to,
            Random random) {
        NavigableMap<String, String> expected = between(all, from, to);
        assertThat(new ArrayList<>(view.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(view.size()).isEqualTo(expected.size());
        assertThat(view.isEmpty()).isEqualTo(expected.isEmpty());
        if (!expected.isEmpty()) {
            assertThat(view.firstKey()).isEqualTo(expected.firstKey());
            assertThat(view.lastKey()).isEqualTo(expected.lastKey());
        }
        String probe = key(random);
        assertThat(view.get(probe)).isEqualTo(expected.get(probe));
        String bound = key(random);
        assertThat(new ArrayList<>(view.tailMap(bound).entrySet()))
                .isEqualTo(new ArrayList<>(between(expected, bound, null).entrySet()));
        assertThat(new ArrayList<>(view.headMap(bound).entrySet()))
                .isEqualTo(new ArrayList<>(between(expected, null, bound).entrySet()));
        String other = key(random);
        String low = bound.compareTo(other) <= 0 ? bound : other;
        String high = bound.compareTo(other) <= 0 ? other : bound;
        assertThat(new ArrayList<>(view.subMap(low, high).entrySet()))
                .isEqualTo(new ArrayList<>(between(expected, low, high).entrySet()));
    }

    private static TreeMap<String, String> between(NavigableMap<String, String> map, String from, String to) {
        TreeMap<String, String> within = new TreeMap<>();
        map.forEach((key, value) -> {
            if ((from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) < 0)) {
                within.put(key, value);
            }
        });
        return within;
    }

    /** Keys from a small alphabet, so that puts replace, removals hit and ranges hold a few. */
    private static String key(Random random) {
        StringBuilder key = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            key.append((char) ('a' + random.nextInt(5)));
        }
        return key.toString();
    }
}
