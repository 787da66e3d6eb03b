package se.kvalitetsarbete.common;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Bad input from a form or a REST client, with a Swedish message for the person who sent it.
 * Extends Camunda's form validation exception so that the REST API answers 400 with the
 * message, Tasklist shows it, and the transaction rolls back: nothing is written.
 */
public class InvalidInputException extends FormFieldValidationException implements ClientError {

  public InvalidInputException(String message) {
    super("kvalitetsarbete", message);
  }
}
