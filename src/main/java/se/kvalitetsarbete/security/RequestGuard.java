package se.kvalitetsarbete.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first line in front of the engine's two REST entrances (/engine-rest for programs,
 * /camunda/api/engine for the webapps). It judges the request as the engine will read it: the path
 * without path parameters, percent-decoded, in any case, and the body as parsed JSON (escapes
 * decoded, any depth). The engine itself checks again ({@link UserCommandCheck}), so a new route
 * cannot reopen what is closed here.
 * <ul>
 *   <li>the Admin webapp's first-run setup, which creates an administrator when the group is empty, is closed;</li>
 *   <li>task queries may not carry expressions anywhere (only stored filters may);</li>
 *   <li>JSON bodies may not hold NUL characters (PostgreSQL cannot store them) nor nest deeper than
 *       {@value #MAX_DEPTH} levels;</li>
 *   <li>request bodies are limited in size.</li>
 * </ul>
 * Runs after the login check, so an anonymous caller still gets 401.
 */
public class RequestGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1_000_000;
  static final int MAX_DEPTH = 32;

  private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern TASK_QUERY = Pattern.compile("^/task(?:/count)?/?$|^/filter/[^/]+/(?:list|count|singleresult)/?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = normalise(request.getRequestURI().substring(request.getContextPath().length()));
    if (path.startsWith("/camunda/api/admin/setup/")) {
      ErrorResponses.send(response, 403, "AuthorizationException",
          "Administratörer skapas av applikationen vid start (KVALITET_ADMIN_PASSWORD), inte här.");
      return;
    }
    Matcher engineApi = ENGINE_PATH.matcher(path);
    if (!engineApi.matches()) {
      chain.doFilter(request, response);
      return;
    }
    boolean taskQuery = TASK_QUERY.matcher(engineApi.group(1)).matches();
    if (taskQuery && hasExpression(decode(request.getQueryString()))) {
      ErrorResponses.send(response, 400, "InvalidRequestException", expressionsRefused());
      return;
    }
    HttpServletRequest checked = request;
    if (hasBody(request)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
      if (cached == null) {
        ErrorResponses.send(response, 413, "InvalidRequestException", "Förfrågan är för stor (högst 1 MB).");
        return;
      }
      checked = cached;
      String problem = isJson(request) ? jsonProblem(cached.text(), taskQuery) : null;
      if (problem != null) {
        ErrorResponses.send(response, 400, "InvalidRequestException", problem);
        return;
      }
    }
    chain.doFilter(checked, response);
  }

  /** The path as the REST layer routes it: no ;parameters, percent-decoded, no empty segments, lower case. */
  static String normalise(String rawPath) {
    StringBuilder path = new StringBuilder();
    for (String segment : rawPath.split("/")) {
      int parameters = segment.indexOf(';');
      String plain = decode(parameters < 0 ? segment : segment.substring(0, parameters));
      if (!plain.isEmpty()) {
        path.append('/').append(plain);
      }
    }
    return path.toString().toLowerCase(Locale.ROOT);
  }

  private static String decode(String text) {
    if (text == null) {
      return "";
    }
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static boolean hasExpression(String text) {
    return EXPRESSION.matcher(text).find() || text.toLowerCase(Locale.ROOT).contains("expression=");
  }

  private static String expressionsRefused() {
    return "Uttryck (${…}) är inte tillåtna i frågor om uppgifter, inte heller i orQueries. Använd ett sparat filter.";
  }

  /** What is wrong with a JSON body, read token by token (escapes decoded); null when nothing is or it is not JSON. */
  static String jsonProblem(String body, boolean taskQuery) {
    try (JsonParser parser = JSON.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
          String text = parser.getText();
          if (text.indexOf('\u0000') >= 0) {
            return "Texten innehåller ett otillåtet tecken (NUL, \\u0000). Inget sparades.";
          }
          if (hasControlCharacter(text)) {
            return "Texten innehåller ett otillåtet styrtecken (t.ex. \\u0001); bara tabb och radbrytning är tillåtna. Inget sparades.";
          }
          if (taskQuery && (EXPRESSION.matcher(text).find()
              || token == JsonToken.FIELD_NAME && text.toLowerCase(Locale.ROOT).endsWith("expression"))) {
            return expressionsRefused();
          }
        }
      }
      return null;
    } catch (StreamConstraintsException e) {
      return "Förfrågan är nästlad i för många nivåer (högst " + MAX_DEPTH + ").";
    } catch (IOException e) {
      // Not JSON: the REST layer answers 400 itself.
      return null;
    }
  }

  /** Control characters other than tab and line breaks, and the non-characters U+FFFE/U+FFFF: no person types them. */
  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
        return true;
      }
    }
    return false;
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase(Locale.ROOT).contains("json");
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }
}
