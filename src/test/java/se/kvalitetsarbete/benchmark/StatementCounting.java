package se.kvalitetsarbete.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
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

  public static long statements() {
    return STATEMENTS.get();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
          delegating(dataSource, (method, result) -> result instanceof Connection connection ? connection(connection) : result));
    }
    return bean;
  }

  static Connection connection(Connection connection) {
    return (Connection) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {Connection.class},
        delegating(connection, (method, result) -> {
          if (result instanceof CallableStatement statement) {
            return counting(statement, CallableStatement.class);
          }
          if (result instanceof PreparedStatement statement) {
            return counting(statement, PreparedStatement.class);
          }
          if (result instanceof Statement statement) {
            return counting(statement, Statement.class);
          }
          return result;
        }));
  }

  static Object counting(Statement statement, Class<?> type) {
    return Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      String name = method.getName();
      if ((name.startsWith("execute") && !name.equals("executeBatch")) || name.equals("addBatch")) {
        STATEMENTS.incrementAndGet();
      }
      return invoke(statement, method, args);
    });
  }

  interface Wrap {
    Object apply(Method method, Object result);
  }

  static InvocationHandler delegating(Object target, Wrap wrap) {
    return (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
        return target;
      }
      return wrap.apply(method, invoke(target, method, args));
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
