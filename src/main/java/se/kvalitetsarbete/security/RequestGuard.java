package se.kvalitetsarbete.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the engine's two REST entrances (/engine-rest for programs, /camunda/api/engine for the
 * webapps) where 7.24.0 Community leaves gaps:
 * <ul>
 *   <li>the Admin webapp's first-run setup, which creates an administrator when the group is empty, is closed;</li>
 *   <li>task queries may not carry expressions anywhere, orQueries included (only stored filters may);</li>
 *   <li>completing a task or starting a process accepts only the variables its form has, so nobody
 *       sets the ids and switches the process runs on;</li>
 *   <li>request bodies are limited in size.</li>
 * </ul>
 * Runs after the login check, so an anonymous caller still gets 401.
 */
public class RequestGuard extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1_000_000;

  private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern TASK_QUERY = Pattern.compile("^/task(?:/count)?/?$|^/filter/[^/]+/(?:list|count|singleResult)/?$");
  private static final Pattern TASK_COMPLETION = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form|resolve)/?$");
  private static final Pattern PROCESS_START = Pattern.compile("^/process-definition/(key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)/?$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "taglist", "datetime");

  private final ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  public RequestGuard(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
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
    String resource = engineApi.group(1);
    HttpServletRequest checked = request;
    String body = "";
    if (hasBody(request)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
      if (cached == null) {
        ErrorResponses.send(response, 413, "InvalidRequestException", "Förfrågan är för stor (högst 1 MB).");
        return;
      }
      checked = cached;
      body = cached.text();
    }
    String problem = problem(resource, request.getQueryString(), body);
    if (problem != null) {
      ErrorResponses.send(response, 400, "InvalidRequestException", problem);
      return;
    }
    chain.doFilter(checked, response);
  }

  private String problem(String resource, String query, String body) {
    if (TASK_QUERY.matcher(resource).matches()) {
      String decodedQuery = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
      if (EXPRESSION.matcher(decodedQuery).find() || EXPRESSION.matcher(body).find()) {
        return "Uttryck (${…}) är inte tillåtna i frågor om uppgifter, inte heller i orQueries. Använd ett sparat filter.";
      }
      return null;
    }
    Matcher completion = TASK_COMPLETION.matcher(resource);
    if (completion.matches()) {
      return unknownVariables(body, privileged(f -> f.getDeployedTaskForm(completion.group(1))));
    }
    Matcher start = PROCESS_START.matcher(resource);
    if (start.matches()) {
      return unknownVariables(body, privileged(f -> f.getDeployedStartForm(definitionId(start.group(2), start.group(3)))));
    }
    return null;
  }

  private String definitionId(String key, String id) {
    if (id != null) {
      return id;
    }
    RepositoryService repository = engine.getRepositoryService();
    var latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    return latest == null ? key : latest.getId();
  }

  /** The variable names a request sets that the form does not have, as a message; null when all are known. */
  private String unknownVariables(String body, Set<String> allowed) {
    if (allowed == null || body.isBlank()) {
      return null;
    }
    JsonNode variables;
    try {
      variables = json.readTree(body).path("variables");
    } catch (IOException e) {
      return "Förfrågan är inte giltig JSON.";
    }
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown.isEmpty() ? null : "Formuläret har inga fält med namnen: " + String.join(", ", unknown) + ". Inget sparades.";
  }

  /** The form's input keys (disabled display fields excluded); null when there is no form to judge by. */
  private Set<String> privileged(Function<FormService, InputStream> form) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        context.disableAuthorizationCheck();
        try (InputStream in = form.apply(engine.getFormService())) {
          Set<String> keys = new TreeSet<>();
          collectKeys(json.readTree(in).path("components"), keys);
          return keys;
        } catch (IOException e) {
          return null;
        }
      });
    } catch (RuntimeException e) {
      // No such task or definition, or no Camunda Form: the engine answers as it would.
      return null;
    }
  }

  private void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.path("disabled").asBoolean(false)) {
        continue;
      }
      if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      } else if (type.equals("dynamiclist") && component.hasNonNull("path")) {
        keys.add(component.get("path").asText());
      } else if (type.equals("group")) {
        collectKeys(component.path("components"), keys);
      }
    }
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }
}
