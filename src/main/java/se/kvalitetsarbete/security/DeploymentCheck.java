package se.kvalitetsarbete.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Every new deployment (the application's own, a coordinator's from Camunda Modeler, anything sent
 * to /engine-rest/deployment/create) is read before the engine parses it. A model is data: timers,
 * conditions, input parameters, forms and calls to the application's process glue. Refused, with a
 * Swedish message naming the file and element (400 through REST), and nothing deployed:
 * <ul>
 *   <li>files other than BPMN, DMN, Camunda Forms and PNG pictures (no HTML forms, scripts, CMMN);</li>
 *   <li>a DOCTYPE (entity tricks) or XML that cannot be read;</li>
 *   <li>script tasks, scripts in listeners, conditions or input/output, connectors, {@code camunda:class}
 *       and other Java classes named in the model;</li>
 *   <li>embedded or external forms ({@code camunda:formKey}), and Camunda Forms not bound to their
 *       deployment (a new form version must never change a running task);</li>
 *   <li>expressions that name a class;</li>
 *   <li>DMN expressions in any language but FEEL, and FEEL external functions;</li>
 *   <li>forms with HTML or iframe components;</li>
 *   <li>for anyone but an administrator, processes and decisions (defined or called) outside their
 *       role's own models ({@link Roles#MODELS_BY_GROUP}).</li>
 * </ul>
 * The expressions that remain are evaluated by the {@link RestrictedExpressionManager}.
 */
public class DeploymentCheck implements Deployer {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass", "resource", "formKey",
      "formHandlerClass", "type");
  private static final Set<String> CAMUNDA_ELEMENTS_REFUSED = Set.of("script", "connector", "formData", "formProperty");
  private static final Set<String> FORM_COMPONENTS_REFUSED = Set.of("html", "iframe", "script");
  private static final Pattern NAMES_A_CLASS = Pattern.compile("[$#]\\{[^}]*\\b(?:getClass|class|classLoader|forName)\\b");
  /** FEEL external functions reach Java: the word itself is refused, wherever it stands (comments cannot hide it). */
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b", Pattern.CASE_INSENSITIVE);
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(check(resource.getName(), resource.getBytes()));
    }
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    List<String> groups = context == null || context.getAuthenticatedGroupIds() == null ? List.of() : context.getAuthenticatedGroupIds();
    if (problems.isEmpty() && user != null && !groups.contains(Roles.ADMINISTRATORS)) {
      Set<String> allowed = new TreeSet<>();
      groups.forEach(group -> allowed.addAll(Roles.MODELS_BY_GROUP.getOrDefault(group, List.of())));
      for (ResourceEntity resource : deployment.getResources().values()) {
        for (String model : modelsNamed(resource.getName(), resource.getBytes())) {
          if (!allowed.contains(model)) {
            problems.add(resource.getName() + ": modellen " + model + " hör inte till de modeller din roll får ändra ("
                + String.join(", ", allowed) + ").");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("Driftsättningen togs inte emot: " + String.join(" ", problems));
    }
  }

  /** What is wrong with one file, as Swedish sentences; empty when nothing is. */
  public static List<String> check(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      Document model = xml(name, content, problems);
      if (model != null) {
        checkBpmn(name, model.getDocumentElement(), problems);
      }
    } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      Document model = xml(name, content, problems);
      if (model != null) {
        checkDmn(name, model.getDocumentElement(), problems);
      }
    } else if (lower.endsWith(".form")) {
      checkForm(name, content, problems);
    } else if (!lower.endsWith(".png")) {
      problems.add(name + ": bara BPMN-modeller (.bpmn), beslutstabeller (.dmn), Camunda-formulär (.form) "
          + "och bilder (.png) kan driftsättas.");
    }
    return problems;
  }

  /** The processes and decisions a file defines or calls: what a deployment would change for whom. */
  static Set<String> modelsNamed(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    Set<String> models = new TreeSet<>();
    if (!lower.endsWith(".bpmn") && !lower.endsWith(".bpmn20.xml") && !lower.endsWith(".dmn") && !lower.endsWith(".dmn11.xml")) {
      return models;
    }
    Document model = xml(name, content, new ArrayList<>());
    if (model == null) {
      return models;
    }
    collect(model.getDocumentElement(), models);
    return models;
  }

  private static void collect(Element element, Set<String> models) {
    String local = element.getLocalName();
    if (BPMN.equals(element.getNamespaceURI())) {
      if ("process".equals(local) && element.hasAttribute("id")) {
        models.add(element.getAttribute("id"));
      }
      if ("callActivity".equals(local) && element.hasAttribute("calledElement")) {
        models.add(element.getAttribute("calledElement"));
      }
      if (element.hasAttributeNS(CAMUNDA, "decisionRef")) {
        models.add(element.getAttributeNS(CAMUNDA, "decisionRef"));
      }
    } else if ("decision".equals(local) && element.hasAttribute("id")) {
      models.add(element.getAttribute("id"));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        collect(childElement, models);
      }
    }
  }

  private static Document xml(String name, byte[] content, List<String> problems) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(content));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      problems.add(message.contains("DOCTYPE")
          ? name + ": en DOCTYPE-deklaration är inte tillåten i en modell."
          : name + ": filen är inte giltig XML (" + message.replaceAll("[\\r\\n]+", " ") + ").");
      return null;
    } catch (IOException | ParserConfigurationException e) {
      problems.add(name + ": filen kunde inte läsas.");
      return null;
    }
  }

  private static void checkBpmn(String name, Element element, List<String> problems) {
    String where = name + ", " + describe(element);
    String ns = element.getNamespaceURI();
    String local = element.getLocalName();
    if (BPMN.equals(ns) && "scriptTask".equals(local)) {
      problems.add(where + ": skriptuppgifter är inte tillåtna; använd en tjänsteuppgift med applikationens processlogik.");
    }
    if (BPMN.equals(ns) && ("conditionExpression".equals(local) || "condition".equals(local) || "script".equals(local))
        && element.hasAttribute("language")) {
      problems.add(where + ": skript (language=\"" + element.getAttribute("language") + "\") är inte tillåtna; skriv villkoret som ${…}.");
    }
    if (CAMUNDA.equals(ns) && CAMUNDA_ELEMENTS_REFUSED.contains(local)) {
      problems.add(where + ": camunda:" + local + " är inte tillåtet (skript, connectorer och inbäddade formulär kör kod).");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (CAMUNDA.equals(attribute.getNamespaceURI())) {
        if (CLASS_ATTRIBUTES.contains(attributeName) && !("type".equals(attributeName) && "external".equals(attribute.getValue()))) {
          problems.add(where + ": camunda:" + attributeName + " är inte tillåtet; anropa applikationens processlogik med "
              + "camunda:delegateExpression=\"${…}\" och använd Camunda-formulär (camunda:formRef).");
        }
        if ("formRefBinding".equals(attributeName) && !"deployment".equals(attribute.getValue())) {
          problems.add(where + ": camunda:formRefBinding måste vara \"deployment\", så att ett nytt formulär aldrig ändrar en pågående uppgift.");
        }
      }
      if (NAMES_A_CLASS.matcher(attribute.getValue()).find()) {
        problems.add(where + ": uttrycket " + attribute.getValue() + " får inte nämna klasser.");
      }
    }
    if (BPMN.equals(ns) && element.hasAttributeNS(CAMUNDA, "formRef") && !element.hasAttributeNS(CAMUNDA, "formRefBinding")) {
      problems.add(where + ": camunda:formRefBinding=\"deployment\" saknas.");
    }
    String text = ownText(element);
    if (!text.isBlank() && NAMES_A_CLASS.matcher(text).find()) {
      problems.add(where + ": uttrycket " + text.trim() + " får inte nämna klasser.");
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkBpmn(name, childElement, problems);
      }
    }
  }

  private static void checkDmn(String name, Element element, List<String> problems) {
    String where = name + ", " + describe(element);
    for (String attribute : List.of("expressionLanguage", "typeLanguage")) {
      if (element.hasAttribute(attribute) && !isFeel(element.getAttribute(attribute))) {
        problems.add(where + ": uttrycksspråket " + element.getAttribute(attribute) + " är inte tillåtet; bara FEEL.");
      }
    }
    String text = ownText(element);
    if (FEEL_EXTERNAL.matcher(text).find()) {
      problems.add(where + ": externa FEEL-funktioner är inte tillåtna.");
    }
    if (NAMES_A_CLASS.matcher(text).find()) {
      problems.add(where + ": uttrycket får inte nämna klasser.");
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        checkDmn(name, childElement, problems);
      }
    }
  }

  private static boolean isFeel(String language) {
    String lower = language.trim().toLowerCase(Locale.ROOT);
    return lower.equals("feel") || lower.endsWith("/feel") || lower.endsWith("/feel/") || lower.contains("/feel/20")
        || lower.equals("http://www.omg.org/spec/feel/20140401");
  }

  private static void checkForm(String name, byte[] content, List<String> problems) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      problems.add(name + ": formuläret är inte giltig JSON.");
      return;
    } catch (IOException e) {
      problems.add(name + ": formuläret kunde inte läsas.");
      return;
    }
    if (form == null || !form.path("components").isArray() || !form.hasNonNull("id")) {
      problems.add(name + ": ett Camunda-formulär behöver \"id\" och \"components\".");
      return;
    }
    checkComponents(name, form.path("components"), problems);
  }

  private static void checkComponents(String name, JsonNode components, List<String> problems) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (FORM_COMPONENTS_REFUSED.contains(type)) {
        problems.add(name + ", fältet " + component.path("id").asText(component.path("key").asText("?"))
            + ": komponenter av typen " + type + " är inte tillåtna.");
      }
      if (component.has("components")) {
        checkComponents(name, component.path("components"), problems);
      }
    }
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  private static String describe(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (e.hasAttribute("id")) {
        return "elementet " + e.getAttribute("id") + (node == element ? "" : " (" + element.getLocalName() + ")");
      }
    }
    return "elementet " + element.getLocalName();
  }
}
