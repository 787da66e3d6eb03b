package se.kvalitetsarbete.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API finds its engine through a {@link java.util.ServiceLoader} of
 * {@link ProcessEngineProvider}, anew for every request and every resource of it (two to four times
 * a request), and each time the class loader searches every jar of the application for the
 * service file: 4 % of the request threads' CPU (docs/benchmarks.md). For the engine's REST paths
 * this filter gives the request thread a class loader that answers that one search from what the
 * first search found (the same file, so the same provider, found by Camunda's own code as before)
 * and hands everything else, every class and every other resource, to the thread's own loader.
 */
@Configuration(proxyBeanMethods = false)
public class EngineProviderLookup {

  static final String SERVICE_FILE = "META-INF/services/" + ProcessEngineProvider.class.getName();

  /** Just after the outage answer, before the login (which looks the engine up too). */
  static final int ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 11;

  @Bean
  public FilterRegistrationBean<Remembered> engineProviderLookupFilter() {
    FilterRegistrationBean<Remembered> registration = new FilterRegistrationBean<>(new Remembered());
    registration.setName("engine-provider-lookup");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(ORDER);
    return registration;
  }

  /** Swaps the request thread's context class loader for the remembering one, and back. */
  public static final class Remembered extends OncePerRequestFilter {

    private final Map<ClassLoader, ServiceFileRemembered> loaders = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Thread thread = Thread.currentThread();
      ClassLoader own = thread.getContextClassLoader();
      if (own == null || own instanceof ServiceFileRemembered) {
        chain.doFilter(request, response);
        return;
      }
      thread.setContextClassLoader(loaders.computeIfAbsent(own, ServiceFileRemembered::new));
      try {
        chain.doFilter(request, response);
      } finally {
        thread.setContextClassLoader(own);
      }
    }
  }

  /** A class loader that is its parent, except that it remembers the content of the provider's service file(s). */
  static final class ServiceFileRemembered extends ClassLoader {

    static {
      registerAsParallelCapable();
    }

    private volatile List<URL> found;

    ServiceFileRemembered(ClassLoader parent) {
      super("kv-engine-provider-lookup", parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!SERVICE_FILE.equals(name)) {
        return getParent().getResources(name);
      }
      List<URL> urls = found;
      if (urls == null) {
        urls = Collections.list(getParent().getResources(name)).stream().map(ServiceFileRemembered::inMemory).toList();
        found = urls;
      }
      return Collections.enumeration(urls);
    }

    /** The file's bytes read once, served by a URL that reads them from memory. */
    private static URL inMemory(URL url) {
      byte[] content;
      try (InputStream in = url.openStream()) {
        content = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        return new URL(null, url.toExternalForm(), new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
              @Override
              public void connect() {
                connected = true;
              }

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
              }
            };
          }
        });
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
