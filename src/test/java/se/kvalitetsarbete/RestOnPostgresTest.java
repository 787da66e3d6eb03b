package se.kvalitetsarbete;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on PostgreSQL (a database of the class's own: {@link FreshPostgres#use}), reached
 * through its REST API on a random port as the real users would; timers are run by the test, the
 * webapps are off, and the process coverage is recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DirtiesContext
@Import(ProcessEngineCoverageConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.webapp.enabled=false",
    "kvalitet.admin.initial-password-file=target/postgres-test/initial-admin-password.txt"})
@ActiveProfiles("postgres")
public @interface RestOnPostgresTest {
}
