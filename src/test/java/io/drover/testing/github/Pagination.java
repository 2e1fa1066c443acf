package io.drover.testing.github;

import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's page-number pagination: {@code per_page} (default 30, at most 100) and {@code page}
 * (from 1), with a {@code Link} header naming the prev, next, last and first pages by absolute
 * URL. The client follows {@code rel="next"} verbatim, so the links point back at this stub and
 * keep every other query parameter of the request.
 */
final class Pagination {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 100;

    record Page<T>(List<T> items, String linkHeader) {
    }

    private Pagination() {
    }

    /**
     * @param baseUrl the stub's address
     * @param requestUrl path and query of the request, as received
     */
    static <T> Page<T> of(List<T> all, Integer requestedPage, Integer requestedPerPage, String baseUrl, String requestUrl) {
        int perPage = requestedPerPage == null || requestedPerPage < 1 ? DEFAULT_PER_PAGE : Math.min(requestedPerPage, MAX_PER_PAGE);
        int page = requestedPage == null || requestedPage < 1 ? 1 : requestedPage;
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        List<T> items = List.copyOf(all.subList(from, to));
        if (lastPage == 1) {
            return new Page<>(items, null); // GitHub sends no Link header when everything fits on one page
        }
        List<String> links = new ArrayList<>();
        if (page > 1) {
            links.add(link(baseUrl, requestUrl, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(baseUrl, requestUrl, page + 1, "next"));
            links.add(link(baseUrl, requestUrl, lastPage, "last"));
        }
        if (page > 1) {
            links.add(link(baseUrl, requestUrl, 1, "first"));
        }
        return new Page<>(items, String.join(", ", links));
    }

    private static String link(String baseUrl, String requestUrl, int page, String rel) {
        return "<" + baseUrl + withPage(requestUrl, page) + ">; rel=\"" + rel + "\"";
    }

    private static String withPage(String requestUrl, int page) {
        int question = requestUrl.indexOf('?');
        String path = question < 0 ? requestUrl : requestUrl.substring(0, question);
        List<String> params = new ArrayList<>();
        if (question >= 0) {
            for (String param : requestUrl.substring(question + 1).split("&")) {
                if (!param.isEmpty() && !param.startsWith("page=")) {
                    params.add(param);
                }
            }
        }
        params.add("page=" + page);
        return path + "?" + String.join("&", params);
    }
}
