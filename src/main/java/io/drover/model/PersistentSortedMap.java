package io.drover.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable map by string key, in key order, of which a changed copy shares all but the path
 * to the change: an AVL tree copied along that path. A fleet's files are one such map per planned
 * state; a copy of the whole map per step cost a step more the more files the fleet has (30,000
 * at 5,000 clusters), a change through this map costs the depth of the tree.
 *
 * <p>{@link #view} gives read-only {@link SortedMap}s of key ranges, for the parts of the
 * collections API that callers use; they reflect this map, which never changes.
 */
final class PersistentSortedMap<V> {

    private static final PersistentSortedMap<?> EMPTY = new PersistentSortedMap<>(null);

    private final Node<V> root;

    private PersistentSortedMap(Node<V> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static <V> PersistentSortedMap<V> empty() {
        return (PersistentSortedMap<V>) EMPTY;
    }

    /** The map of these entries, built balanced in one pass over them in key order. */
    static <V> PersistentSortedMap<V> of(SortedMap<String, V> entries) {
        if (entries.comparator() != null) {
            throw new IllegalArgumentException("keys must be in their natural order");
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, V>[] sorted = entries.entrySet().toArray(Map.Entry[]::new);
        return new PersistentSortedMap<>(build(sorted, 0, sorted.length));
    }

    V get(String key) {
        return find(root, key);
    }

    private static <V> V find(Node<V> root, String key) {
        Node<V> node = root;
        while (node != null) {
            int cmp = key.compareTo(node.key);
            if (cmp == 0) {
                return node.value;
            }
            node = cmp < 0 ? node.left : node.right;
        }
        return null;
    }

    boolean containsKey(String key) {
        return get(key) != null;
    }

    int size() {
        return root == null ? 0 : root.size;
    }

    /** The longest path from the root, for tests of the balance. */
    int height() {
        return height(root);
    }

    /** Whether every node's subtrees differ in height by at most one, with heights and sizes right: for tests. */
    boolean isBalanced() {
        return isBalanced(root);
    }

    private static boolean isBalanced(Node<?> node) {
        return node == null || Math.abs(height(node.left) - height(node.right)) <= 1
                && node.height == 1 + Math.max(height(node.left), height(node.right))
                && node.size == 1 + (node.left == null ? 0 : node.left.size) + (node.right == null ? 0 : node.right.size)
                && isBalanced(node.left) && isBalanced(node.right);
    }

    /** This map with {@code key} mapped to {@code value} (not null). */
    PersistentSortedMap<V> with(String key, V value) {
        return new PersistentSortedMap<>(put(root, key, Objects.requireNonNull(value)));
    }

    /** This map without {@code key}; this map itself when it has no such key. */
    PersistentSortedMap<V> without(String key) {
        return containsKey(key) ? new PersistentSortedMap<>(remove(root, key)) : this;
    }

    /** The entries with keys from {@code from} (inclusive) to {@code to} (exclusive); null for no bound. */
    SortedMap<String, V> view(String from, String to) {
        return new RangeView<>(root, from, to);
    }

    private static <V> Node<V> build(Map.Entry<String, V>[] sorted, int from, int to) {
        if (from >= to) {
            return null;
        }
        int middle = (from + to) >>> 1;
        return Node.of(sorted[middle].getKey(), sorted[middle].getValue(), build(sorted, from, middle), build(sorted, middle + 1, to));
    }

    private static <V> Node<V> put(Node<V> node, String key, V value) {
        if (node == null) {
            return Node.of(key, value, null, null);
        }
        int cmp = key.compareTo(node.key);
        if (cmp == 0) {
            return Node.of(key, value, node.left, node.right);
        }
        return cmp < 0 ? balance(node.key, node.value, put(node.left, key, value), node.right)
                : balance(node.key, node.value, node.left, put(node.right, key, value));
    }

    private static <V> Node<V> remove(Node<V> node, String key) {
        int cmp = key.compareTo(node.key);
        if (cmp < 0) {
            return balance(node.key, node.value, remove(node.left, key), node.right);
        }
        if (cmp > 0) {
            return balance(node.key, node.value, node.left, remove(node.right, key));
        }
        if (node.left == null) {
            return node.right;
        }
        if (node.right == null) {
            return node.left;
        }
        Node<V> next = node.right;
        while (next.left != null) {
            next = next.left;
        }
        return balance(next.key, next.value, node.left, remove(node.right, next.key));
    }

    /** A node of these parts whose subtrees differ in height by at most one, rotating once or twice if needed. */
    private static <V> Node<V> balance(String key, V value, Node<V> left, Node<V> right) {
        int lh = height(left);
        int rh = height(right);
        if (lh > rh + 1) {
            if (height(left.left) >= height(left.right)) {
                return Node.of(left.key, left.value, left.left, Node.of(key, value, left.right, right));
            }
            Node<V> middle = left.right;
            return Node.of(middle.key, middle.value, Node.of(left.key, left.value, left.left, middle.left),
                    Node.of(key, value, middle.right, right));
        }
        if (rh > lh + 1) {
            if (height(right.right) >= height(right.left)) {
                return Node.of(right.key, right.value, Node.of(key, value, left, right.left), right.right);
            }
            Node<V> middle = right.left;
            return Node.of(middle.key, middle.value, Node.of(key, value, left, middle.left),
                    Node.of(right.key, right.value, middle.right, right.right));
        }
        return Node.of(key, value, left, right);
    }

    private static int height(Node<?> node) {
        return node == null ? 0 : node.height;
    }

    private record Node<V>(String key, V value, Node<V> left, Node<V> right, int height, int size) {

        static <V> Node<V> of(String key, V value, Node<V> left, Node<V> right) {
            return new Node<>(key, value, left, right, 1 + Math.max(PersistentSortedMap.height(left), PersistentSortedMap.height(right)),
                    1 + (left == null ? 0 : left.size) + (right == null ? 0 : right.size));
        }
    }

    /**
     * The entries of a tree between two bounds, as a read-only sorted map. A view of a view keeps
     * within both ranges; unlike a TreeMap's, it does not refuse a bound outside its own.
     */
    private static final class RangeView<V> extends AbstractMap<String, V> implements SortedMap<String, V> {

        private final Node<V> root;
        /** Inclusive lower bound, exclusive upper bound; null for none. */
        private final String from;
        private final String to;

        RangeView(Node<V> root, String from, String to) {
            this.root = root;
            this.from = from;
            this.to = to;
        }

        private boolean inRange(String key) {
            return (from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) < 0);
        }

        @Override
        public V get(Object key) {
            return key instanceof String k && inRange(k) ? find(root, k) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public boolean isEmpty() {
            return first() == null;
        }

        @Override
        public int size() {
            if (from == null && to == null) {
                return root == null ? 0 : root.size;
            }
            int size = 0;
            for (Iterator<Entry<String, V>> it = entrySet().iterator(); it.hasNext(); it.next()) {
                size++;
            }
            return size;
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    return new InOrder<>(root, from, to);
                }

                @Override
                public int size() {
                    return RangeView.this.size();
                }

                @Override
                public boolean isEmpty() {
                    return RangeView.this.isEmpty();
                }
            };
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public SortedMap<String, V> subMap(String fromKey, String toKey) {
            if (fromKey.compareTo(toKey) > 0) {
                throw new IllegalArgumentException("fromKey > toKey");
            }
            return new RangeView<>(root, later(from, fromKey), earlier(to, toKey));
        }

        @Override
        public SortedMap<String, V> headMap(String toKey) {
            return new RangeView<>(root, from, earlier(to, toKey));
        }

        @Override
        public SortedMap<String, V> tailMap(String fromKey) {
            return new RangeView<>(root, later(from, fromKey), to);
        }

        @Override
        public String firstKey() {
            Node<V> first = first();
            if (first == null) {
                throw new NoSuchElementException();
            }
            return first.key;
        }

        @Override
        public String lastKey() {
            Node<V> last = null;
            for (Node<V> node = root; node != null; ) {
                if (to == null || node.key.compareTo(to) < 0) {
                    last = node;
                    node = node.right;
                } else {
                    node = node.left;
                }
            }
            if (last == null || !inRange(last.key)) {
                throw new NoSuchElementException();
            }
            return last.key;
        }

        /** The node of the least key at or above the lower bound, if it is below the upper one. */
        private Node<V> first() {
            Node<V> first = null;
            for (Node<V> node = root; node != null; ) {
                if (from == null || node.key.compareTo(from) >= 0) {
                    first = node;
                    node = node.left;
                } else {
                    node = node.right;
                }
            }
            return first != null && inRange(first.key) ? first : null;
        }

        private static String later(String a, String b) {
            return a == null || b.compareTo(a) > 0 ? b : a;
        }

        private static String earlier(String a, String b) {
            return a == null || b.compareTo(a) < 0 ? b : a;
        }
    }

    /** The nodes from the lower bound on, in key order, up to the upper bound. */
    private static final class InOrder<V> implements Iterator<Map.Entry<String, V>> {

        private final Deque<Node<V>> path = new ArrayDeque<>();
        private final String to;

        InOrder(Node<V> root, String from, String to) {
            this.to = to;
            // The path to the least key at or above the lower bound: the nodes still to visit, next on top.
            for (Node<V> node = root; node != null; ) {
                if (from == null || node.key.compareTo(from) >= 0) {
                    path.push(node);
                    node = node.left;
                } else {
                    node = node.right;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !path.isEmpty() && (to == null || path.peek().key.compareTo(to) < 0);
        }

        @Override
        public Map.Entry<String, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Node<V> node = path.pop();
            for (Node<V> next = node.right; next != null; next = next.left) {
                path.push(next);
            }
            return new AbstractMap.SimpleImmutableEntry<>(node.key, node.value);
        }
    }
}
