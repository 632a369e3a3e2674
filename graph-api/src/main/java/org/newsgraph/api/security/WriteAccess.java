package org.newsgraph.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.newsgraph.api.config.NewsgraphProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. Reading is open: every GET, and SPARQL queries sent by POST. Writing (ingesting
 * and deleting articles, SPARQL updates) needs an API key ({@code X-API-Key} header or a bearer
 * token) or an HTTP basic user from the configuration; with none configured, writes are refused,
 * unless the configuration opens them (the demo, on loopback). Requests without valid credentials
 * get 401 (403 when the server has none configured, as then none would do), and refusals come as
 * problem details. No session, no cookie.
 */
@Configuration
@EnableWebSecurity
public class WriteAccess {

  static final String WRITER = "WRITER";
  private static final String API_KEY_HEADER = "X-API-Key";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      NewsgraphProperties properties,
      @Value("${server.address:}") String address)
      throws Exception {
    NewsgraphProperties.Security security = properties.security();
    List<String> hosts =
        security.allowedHosts().isEmpty()
            ? SameOriginWrites.defaultHosts(address)
            : security.allowedHosts();
    http.csrf(csrf -> csrf.disable())
        // CORS by a filter of the server's own, whose refusals are problem details too.
        .cors(cors -> cors.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        // Scripts come only from the application itself: were some article text ever to reach
        // the page as markup, the browser would still run none of it.
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; script-src 'self'; style-src 'self'"
                                + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
                                + " object-src 'none'; base-uri 'self'; frame-ancestors 'none'")))
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(security)))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(unauthorized(security))
                    .accessDeniedHandler(forbidden(security)))
        .addFilterBefore(corsFilter(properties), LogoutFilter.class)
        .addFilterBefore(
            new SameOriginWrites(hosts, properties.cors().allowedOrigins()), CorsFilter.class)
        .addFilterBefore(new ApiKeyFilter(security.apiKeys()), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests -> {
              // The server's own metrics are for writers (for no one when none is configured);
              // the details of its health show to writers only (management.endpoint.health).
              String[] metrics = {"/actuator/prometheus", "/actuator/metrics/**"};
              if (security.hasCredentials()) {
                requests.requestMatchers(metrics).hasRole(WRITER);
              } else {
                requests.requestMatchers(metrics).denyAll();
              }
              requests
                  .requestMatchers(HttpMethod.GET, "/**")
                  .permitAll()
                  .requestMatchers(HttpMethod.HEAD, "/**")
                  .permitAll()
                  .requestMatchers(HttpMethod.OPTIONS, "/**")
                  .permitAll();
              // A query sent by POST reads; the endpoint itself refuses updates.
              requests.requestMatchers(HttpMethod.POST, "/sparql").permitAll();
              if (security.openWrites()) {
                requests.anyRequest().permitAll();
              } else if (security.hasCredentials()) {
                requests.anyRequest().hasRole(WRITER);
              } else {
                requests.anyRequest().denyAll();
              }
            });
    return http.build();
  }

  /**
   * The HTTP basic users of the configuration, all writers; none if none are configured. A password
   * names its encoding ({@code {bcrypt}$2a$...}); one without is taken as plain text.
   */
  @Bean
  UserDetailsService userDetailsService(NewsgraphProperties properties) {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    properties
        .security()
        .users()
        .forEach(
            (name, password) ->
                users.createUser(
                    User.withUsername(name)
                        .password(password.startsWith("{") ? password : "{noop}" + password)
                        .roles(WRITER)
                        .build()));
    return users;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Cross-origin requests, by the configuration; a refusal is a problem detail. */
  private static CorsFilter corsFilter(NewsgraphProperties properties) {
    CorsFilter filter = new CorsFilter(corsConfigurationSource(properties));
    filter.setCorsProcessor(
        new DefaultCorsProcessor() {
          @Override
          protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response
                .getBody()
                .write(
                    problemJson(
                            "Cross-origin request refused",
                            HttpStatus.FORBIDDEN,
                            "this origin may not call the server from a browser"
                                + " (newsgraph.cors.allowed-origins lists those that may)")
                        .getBytes(StandardCharsets.UTF_8));
            response.flush();
          }
        });
    return filter;
  }

  private static CorsConfigurationSource corsConfigurationSource(NewsgraphProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins = properties.cors().allowedOrigins();
    if (!origins.isEmpty()) {
      CorsConfiguration cors = new CorsConfiguration();
      cors.setAllowedOriginPatterns(origins);
      cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
      cors.setAllowedHeaders(List.of("Accept", "Content-Type", "Authorization", API_KEY_HEADER));
      cors.setExposedHeaders(List.of("Location", "Link"));
      cors.setMaxAge(3600L);
      for (String path : List.of("/sparql", "/data", "/api/**")) {
        source.registerCorsConfiguration(path, cors);
      }
    }
    return source;
  }

  /**
   * Answers a request that brought no valid credentials: 401, or 403 when the server has no
   * credentials configured, since then no credentials could help.
   */
  private static AuthenticationEntryPoint unauthorized(NewsgraphProperties.Security security) {
    return (request, response, e) -> {
      if (!security.hasCredentials() && (!security.openWrites() || metrics(request))) {
        forbidden(security).handle(request, response, null);
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"newsgraph\"");
      problem(
          response,
          HttpStatus.UNAUTHORIZED,
          "Credentials needed",
          (metrics(request)
                  ? "the server's metrics are for writers"
                  : "this request writes to the graph")
              + ": send an API key in the X-API-Key header, or HTTP basic credentials");
    };
  }

  private static AccessDeniedHandler forbidden(NewsgraphProperties.Security security) {
    return (request, response, e) -> {
      String none =
          " the server has no credentials configured"
              + " (newsgraph.security.api-keys or newsgraph.security.users)";
      if (metrics(request)) {
        problem(
            response,
            HttpStatus.FORBIDDEN,
            "Metrics for writers only",
            security.hasCredentials()
                ? "these credentials may not read the metrics"
                : "the server's metrics are for writers, and" + none);
        return;
      }
      problem(
          response,
          HttpStatus.FORBIDDEN,
          "Writes disabled",
          security.hasCredentials()
              ? "these credentials may not write"
              : "writing is disabled:" + none);
    };
  }

  private static boolean metrics(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator/");
  }

  static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getOutputStream()
        .write(problemJson(title, status, detail).getBytes(StandardCharsets.UTF_8));
  }

  private static String problemJson(String title, HttpStatus status, String detail) {
    return "{\"type\":\"about:blank\",\"title\":"
        + json(title)
        + ",\"status\":"
        + status.value()
        + ",\"detail\":"
        + json(detail)
        + "}";
  }

  private static String json(String text) {
    return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text);
  }

  /**
   * Accepts a configured API key from the {@code X-API-Key} header or an {@code Authorization:
   * Bearer} token; answers 401 to a key that is not configured. Keys are compared in constant time.
   */
  static final class ApiKeyFilter extends OncePerRequestFilter {

    private final List<byte[]> keys;

    ApiKeyFilter(List<String> keys) {
      this.keys = keys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String key = request.getHeader(API_KEY_HEADER);
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
        key = authorization.substring("Bearer ".length()).strip();
      }
      // With no keys configured, a key proves nothing: the request goes on unauthenticated.
      if (key != null && !keys.isEmpty()) {
        if (!matches(key)) {
          response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"newsgraph\"");
          problem(response, HttpStatus.UNAUTHORIZED, "Unknown API key", "the API key is not valid");
          return;
        }
        var authentication =
            UsernamePasswordAuthenticationToken.authenticated(
                "api-key", null, AuthorityUtils.createAuthorityList("ROLE_" + WRITER));
        SecurityContextHolder.getContext().setAuthentication(authentication);
      }
      chain.doFilter(request, response);
    }

    private boolean matches(String key) {
      byte[] given = key.getBytes(StandardCharsets.UTF_8);
      boolean found = false;
      for (byte[] candidate : keys) {
        found |= MessageDigest.isEqual(candidate, given);
      }
      return found;
    }
  }
}
