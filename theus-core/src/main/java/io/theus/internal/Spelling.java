package io.theus.internal;

/**
 * Edit distance for "did you mean" hints.
 *
 * <p>Stateless and thread-safe.
 */
public final class Spelling {
    private Spelling() {
    }

    /**
     * Levenshtein distance, capped: strings whose lengths differ by more than 2 are reported as 3 apart.
     *
     * @param a one string
     * @param b another
     * @return the number of single-character edits between them (at most 3 when far apart)
     */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
