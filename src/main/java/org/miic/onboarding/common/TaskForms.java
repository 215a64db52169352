package org.miic.onboarding.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What each task's form shows, read once from the Camunda Forms this application deploys ({@code bpmn/**}/*.form on the
 * classpath, by form id). The listeners that fill a task's form when the task is created write a summary only where the
 * task's form names it: every task-local variable is a runtime and a history row, and a delete when the task is
 * completed, and a summary is often a query or two to compute (issue 9).
 */
@Component
public class TaskForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The text of each form (its field names and strings, decoded), by form id. */
  private final Map<String, String> formText;
  /** The answers given, by form id and variable. */
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  public TaskForms() {
    this(resources("classpath*:bpmn/**/*.form"));
  }

  TaskForms(Resource[] forms) {
    Map<String, String> byId = new HashMap<>();
    for (Resource form : forms) {
      try (InputStream in = form.getInputStream()) {
        JsonNode json = JSON.readTree(in);
        JsonNode id = json.get("id");
        if (id == null || !id.isTextual()) {
          throw new IllegalStateException("The form " + form.getDescription() + " has no id");
        }
        StringBuilder text = new StringBuilder();
        collect(json, text);
        byId.put(id.asText(), text.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the form " + form.getDescription(), e);
      }
    }
    this.formText = Map.copyOf(byId);
  }

  /**
   * Whether the task's form names the variable anywhere (a {@code {{variable}}} in a text, an expression, a field key).
   * A task without a form of this application (no {@code camunda:formRef}, or one not deployed from here) shows
   * everything: the answer is yes.
   */
  public boolean shows(DelegateTask task, String variable) {
    UserTask userTask = task.getBpmnModelElementInstance();
    String formRef = userTask == null ? null : userTask.getCamundaFormRef();
    String text = formRef == null ? null : formText.get(formRef);
    return text == null || answers.computeIfAbsent(formRef + '\n' + variable,
        key -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(variable) + "(?![A-Za-z0-9_])").matcher(text).find());
  }

  /**
   * Every field name and every string of the form, decoded (a JSON escape such as {@code \\n} before a name would
   * otherwise read as a letter joined to it), one per line.
   */
  private static void collect(JsonNode node, StringBuilder text) {
    if (node.isTextual()) {
      text.append(node.asText()).append('\n');
    }
    node.fieldNames().forEachRemaining(name -> text.append(name).append('\n'));
    node.elements().forEachRemaining(child -> collect(child, text));
  }

  private static Resource[] resources(String pattern) {
    try {
      return new PathMatchingResourcePatternResolver().getResources(pattern);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the forms " + pattern, e);
    }
  }
}
