package se.kvalitetsarbete.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Our command interceptors inside the engine's command context, in both of its chains (a command in
 * its caller's transaction, and one in a new transaction).
 */
public final class CommandChains {

  private CommandChains() {}

  /**
   * Adds the interceptor to both chains, first or last of ours. Always to both: an interceptor in
   * both chains is linked to the chain built last, so one added to a single chain would be skipped
   * behind a shared one.
   */
  public static void addInside(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor, boolean first) {
    configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor, first));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor, first));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added, boolean first) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(first ? 0 : all.size(), added);
    return all;
  }
}
