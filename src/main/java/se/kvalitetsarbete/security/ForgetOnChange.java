package se.kvalitetsarbete.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What a short-lived cache of ours (logins, embedded users and definitions) needs from the engine:
 * it is emptied before and after every one of the engine's own commands that may change what it
 * keeps, so that nothing read before or while the change ran is served after it.
 */
final class ForgetOnChange {

  private ForgetOnChange() {}

  /** {@code change} is asked only of the engine's own commands (package {@code org.camunda.bpm.engine.impl.cmd}). */
  static void install(ProcessEngineConfigurationImpl configuration, Predicate<Command<?>> change, Runnable forget) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command.getClass().getPackageName().startsWith("org.camunda.bpm.engine.impl.cmd") && change.test(command)) {
          forget.run();
          try {
            return next.execute(command);
          } finally {
            forget.run();
          }
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
