package se.kvalitetsarbete;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** School quality work: the quality team's term allocation and its assignments. */
@SpringBootApplication
@EnableProcessApplication
public class KvalitetsarbeteApplication {

  public static void main(String[] args) {
    SpringApplication.run(KvalitetsarbeteApplication.class, args);
  }
}
