package se.kvalitetsarbete.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The glue of one user task's Camunda Form, registered in the model for the task's create and
 * complete events: {@link #show} fills the form, {@link #submit} checks and stores what came back
 * (Tasklist and REST alike) and refuses it, with nothing written, through {@link FormInput#check()}.
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
      show(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      submit(task, new FormInput(task, texts, forms == null ? FormSchema.empty("") : forms.of(task)));
    }
  }

  protected abstract void show(DelegateTask task);

  protected abstract void submit(DelegateTask task, FormInput in);
}
