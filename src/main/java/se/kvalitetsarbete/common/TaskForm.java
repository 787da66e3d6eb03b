package se.kvalitetsarbete.common;

import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The glue of one user task's Camunda Form, registered in the model for the task's create and
 * complete events: {@link #show} gives what the form shows and starts from whenever it is read
 * ({@link FormValues}; never stored), {@link #submit} checks and stores what came back (Tasklist
 * and REST alike) and refuses it, with nothing written, through {@link FormInput#check()}.
 */
public abstract class TaskForm implements TaskListener {

  private final Texts texts;
  private FormSchemas forms;

  protected TaskForm(Texts texts) {
    this.texts = texts;
  }

  /** The task's deployed form, which says what each field accepts. */
  @Autowired
  void setForms(FormSchemas forms) {
    this.forms = forms;
  }

  @Override
  public final void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      submit(task, new FormInput(task, texts, forms == null ? FormSchema.empty("") : forms.of(task)));
    }
  }

  /** What the form shows and starts from, now (see {@link FormValues}): nothing is written. */
  public final FormFields.Values values(DelegateTask task) {
    return values(task, name -> true);
  }

  /** The form's inputs, and of the values it only shows those asked for. */
  public final FormFields.Values values(DelegateTask task, Predicate<String> shownAsked) {
    return FormFields.collect(() -> show(task), shownAsked);
  }

  /** When the task is created: nothing by default; the form's values are given when it is read. */
  protected void created(DelegateTask task) {
  }

  /** Gives the form's values with {@link FormFields#prefill} and {@link FormFields#show}, when the form is read or submitted. */
  protected abstract void show(DelegateTask task);

  protected abstract void submit(DelegateTask task, FormInput in);
}
