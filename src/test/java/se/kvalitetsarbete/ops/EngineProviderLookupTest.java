package se.kvalitetsarbete.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Camunda REST's engine lookup during a request: the same provider, without searching the class path each time. */
class EngineProviderLookupTest {

  /** The application's loader, counting how often the provider's service file is searched for. */
  static final class Counting extends ClassLoader {
    final AtomicInteger searches = new AtomicInteger();

    Counting() {
      super(EngineProviderLookupTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (EngineProviderLookup.SERVICE_FILE.equals(name)) {
        searches.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  private static List<Class<?>> providers() {
    List<Class<?>> found = new ArrayList<>();
    ServiceLoader.load(ProcessEngineProvider.class).forEach(p -> found.add(p.getClass()));
    return found;
  }

  private static void inRequests(ClassLoader loader, int requests, Runnable work) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      EngineProviderLookup.Remembered filter = new EngineProviderLookup.Remembered();
      for (int i = 0; i < requests; i++) {
        filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), new MockHttpServletResponse(),
            (request, response) -> work.run());
        assertThat(thread.getContextClassLoader()).as("the thread's own loader back after the request").isSameAs(loader);
      }
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void aRequestFindsTheSameProviderAsWithoutTheFilterAndTheClassPathIsSearchedOnce() throws Exception {
    Counting loader = new Counting();
    Thread.currentThread().setContextClassLoader(loader);
    List<Class<?>> without;
    try {
      without = providers();
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
    assertThat(without).isNotEmpty();
    loader.searches.set(0);

    List<List<Class<?>>> within = new ArrayList<>();
    inRequests(loader, 5, () -> {
      within.add(providers());
      within.add(providers());
    });
    assertThat(within).hasSize(10).allSatisfy(found -> assertThat(found).isEqualTo(without));
    assertThat(loader.searches).hasValue(1);
  }

  @Test
  void everyOtherClassAndResourceIsTheThreadsOwnLoaders() throws Exception {
    Counting loader = new Counting();
    List<Object> seen = new ArrayList<>();
    inRequests(loader, 1, () -> {
      ClassLoader during = Thread.currentThread().getContextClassLoader();
      try {
        seen.add(during.loadClass(EngineProviderLookup.class.getName()));
        seen.add(during.getResource("application.yaml"));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(seen).containsExactly(EngineProviderLookup.class, loader.getResource("application.yaml"));
  }

  @Test
  void theThreadsLoaderIsBackAfterAFailedRequest() {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    ClassLoader loader = new Counting();
    thread.setContextClassLoader(loader);
    try {
      assertThatThrownBy(() -> new EngineProviderLookup.Remembered().doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"),
          new MockHttpServletResponse(), (request, response) -> {
            throw new IllegalStateException("failed");
          })).hasMessage("failed");
      assertThat(thread.getContextClassLoader()).isSameAs(loader);
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
