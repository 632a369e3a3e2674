package org.newsgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps other web sites from using a visitor's browser against the server.
 *
 * <ul>
 *   <li>A request whose {@code Host} the server does not answer to is refused: a page that rebinds
 *       its own domain name to 127.0.0.1 (DNS rebinding) reaches the server under its own name, so
 *       it can neither read the graph nor write to it. On loopback the server answers to {@code
 *       localhost}, {@code 127.0.0.1} and {@code [::1]} unless configured otherwise.
 *   <li>A write (anything but GET, HEAD, OPTIONS and a query to {@code /sparql}) that a browser
 *       sends from another site is refused, whatever its content type: the {@code Origin} it names
 *       must be the server's own or an allowed one, and {@code Sec-Fetch-Site} must not say another
 *       site sent it. Clients that are not browsers (curl, scripts) send neither header and are
 *       judged by their credentials alone.
 * </ul>
 *
 * <p>Refusals are 403 problem details that name the header and the value refused.
 */
final class SameOriginWrites extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SameOriginWrites.class);
  private static final Set<String> LOOPBACK_NAMES =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> hosts;
  private final Set<String> origins;

  /**
   * @param hosts the host names the server answers to, in any case; empty for any
   * @param origins the origins, besides the server's own, that may write from a browser
   */
  SameOriginWrites(List<String> hosts, List<String> origins) {
    this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.origins = Set.copyOf(origins);
  }

  /** Returns the host names a server on this address answers to by default: loopback's, or any. */
  static List<String> defaultHosts(String address) {
    if (address == null || address.isBlank()) {
      return List.of();
    }
    try {
      return java.net.InetAddress.getByName(address).isLoopbackAddress()
          ? List.copyOf(LOOPBACK_NAMES)
          : List.of();
    } catch (java.net.UnknownHostException e) {
      return List.of();
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The name the request was sent to: its Host header's, or the server's own without one.
    String host = request.getServerName().toLowerCase(Locale.ROOT);
    if (!hosts.isEmpty() && !hosts.contains(host)) {
      refuse(
          response,
          "Unknown host",
          "this server does not answer to the host \""
              + host
              + "\" (newsgraph.security.allowed-hosts lists the names it answers to)");
      return;
    }
    if (writes(request)) {
      String origin = request.getHeader(HttpHeaders.ORIGIN);
      String site = request.getHeader("Sec-Fetch-Site");
      if (origin != null && !origin.equals(ownOrigin(request)) && !origins.contains(origin)) {
        refuse(
            response,
            "Cross-site write",
            "a page from "
                + origin
                + " may not write to this server; writes come from its own"
                + " page, an allowed origin (newsgraph.cors.allowed-origins), or a client that is"
                + " not a browser");
        return;
      }
      if (origin == null && site != null && !site.equals("same-origin") && !site.equals("none")) {
        refuse(
            response,
            "Cross-site write",
            "a page from another site (Sec-Fetch-Site: " + site + ") may not write to this server");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean writes(HttpServletRequest request) {
    String method = request.getMethod();
    if (HttpMethod.GET.matches(method)
        || HttpMethod.HEAD.matches(method)
        || HttpMethod.OPTIONS.matches(method)) {
      return false;
    }
    return !(HttpMethod.POST.matches(method) && "/sparql".equals(request.getServletPath()));
  }

  /** The origin of the server as the request addressed it: {@code scheme://host[:port]}. */
  private static String ownOrigin(HttpServletRequest request) {
    return request.getScheme() + "://" + request.getHeader(HttpHeaders.HOST);
  }

  private static void refuse(HttpServletResponse response, String title, String detail)
      throws IOException {
    log.warn("403 {}: {}", title, detail);
    WriteAccess.problem(response, HttpStatus.FORBIDDEN, title, detail);
  }
}
