package org.newsgraph.api.rest;

import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list.
 *
 * @param items what the page holds
 * @param limit the most items a page holds
 * @param offset how many items came before this page
 * @param next the address of the next page, or {@code null} if this is the last
 */
public record Page<T>(List<T> items, int limit, int offset, String next) {

  /**
   * Returns the page, with the address of the next one when this one is full (the current request
   * with the offset moved on).
   */
  public static <T> Page<T> of(List<T> items, int limit, int offset) {
    String next =
        items.size() < limit
            ? null
            : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset", offset + limit)
                .build()
                .toUriString();
    return new Page<>(items, limit, offset, next);
  }
}
