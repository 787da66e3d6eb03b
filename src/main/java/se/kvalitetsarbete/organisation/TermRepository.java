package se.kvalitetsarbete.organisation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface TermRepository extends JpaRepository<Term, Long> {

  // JPQL, not derived from the name: Hibernate keeps a JPQL query's plan, while a derived
  // (criteria) query is translated at every call (docs/benchmarks.md, "Per task").
  @Query("select t from Term t where t.season = :season and t.year = :year")
  Optional<Term> findBySeasonAndYear(@Param("season") Season season, @Param("year") int year);

  @Transactional
  default Term findOrCreate(Term.Key key) {
    return findBySeasonAndYear(key.season(), key.year())
        .orElseGet(() -> save(new Term(key.season(), key.year())));
  }
}
