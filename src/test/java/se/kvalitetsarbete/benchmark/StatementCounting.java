package se.kvalitetsarbete.benchmark;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements a server sends to its database (pg_stat_statements is not loaded on
 * the benchmark's PostgreSQL): wraps every DataSource bean so that each execute of a statement,
 * and each statement added to a JDBC batch, counts one. A source of the benchmark's server
 * contexts (TaskCostBenchmark); deliberately not a component, so that no scan picks it up.
 */
public class StatementCounting implements BeanPostProcessor {

  static final AtomicLong STATEMENTS = new AtomicLong();

  /**
   * With {@code -Dbench.sql-texts=<file>} in the server's JVM (via {@code -Dbench.server-jvm-args}),
   * also counts each statement by its SQL text and writes the counts, most first, to that file when
   * the server stops: to find repeated reads.
   */
  static final String TEXTS_FILE = System.getProperty("bench.sql-texts");
  static final Map<String, LongAdder> TEXTS = new ConcurrentHashMap<>();

  static {
    if (TEXTS_FILE != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        StringBuilder out = new StringBuilder();
        TEXTS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
            .forEach(e -> out.append(e.getValue().sum()).append('\t').append(e.getKey()).append('\n'));
        try {
          Files.writeString(Path.of(TEXTS_FILE), out);
        } catch (IOException e) {
          System.err.println("bench.sql-texts: " + e);
        }
      }));
    }
  }

  private static void countText(String sql) {
    if (TEXTS_FILE != null && sql != null) {
      TEXTS.computeIfAbsent(sql.replaceAll("\\s+", " "), k -> new LongAdder()).increment();
    }
  }

  public static long statements() {
    return STATEMENTS.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
          delegating(dataSource, (method, args, result) -> result instanceof Connection connection ? connection(connection) : result));
    }
    return bean;
  }

  static Connection connection(Connection connection) {
    return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {Connection.class},
        delegating(connection, (method, args, result) -> {
          String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
          if (result instanceof CallableStatement statement) {
            return counting(statement, CallableStatement.class, sql);
          }
          if (result instanceof PreparedStatement statement) {
            return counting(statement, PreparedStatement.class, sql);
          }
          if (result instanceof Statement statement) {
            return counting(statement, Statement.class, null);
          }
          return result;
        }));
  }

  static Object counting(Statement statement, Class<?> type, String prepared) {
    return Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      String name = method.getName();
      if ((name.startsWith("execute") && !name.equals("executeBatch")) || name.equals("addBatch")) {
        STATEMENTS.incrementAndGet();
        countText(prepared != null ? prepared : args != null && args.length > 0 && args[0] instanceof String text ? text : null);
      }
      return invoke(statement, method, args);
    });
  }

  interface Wrap {
    Object apply(Method method, Object[] args, Object result);
  }

  static InvocationHandler delegating(Object target, Wrap wrap) {
    return (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
        return target;
      }
      return wrap.apply(method, args, invoke(target, method, args));
    };
  }

  static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
