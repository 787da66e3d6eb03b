package se.kvalitetsarbete.quality;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school year's fan-out (issue #13): its units' plans are process instances of their own, started
 * in batches of units, and the year goes on when every batch has started its plans and every plan
 * started so has ended. Kept in {@code unit_plan_start} (one row per unit and year: a batch tried again
 * starts no plan twice) and {@code school_year.open_plan_batches}.
 *
 * <p>Who may be the last: a batch that has started its plans, or a plan that ends. Both lock the
 * school year's row first and then look at what is left, so of two that finish at the same instant
 * the second sees the first, and the one that finds nothing left is the only one that says so.
 */
@Service
@Transactional
public class UnitPlanStarts {

  /** A batch: the active units whose id lies between first and last (inclusive). */
  public record Batch(long firstUnitId, long lastUnitId, int units) {}

  private final EntityManager database;
  private final Clock clock;

  public UnitPlanStarts(EntityManager database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The active units in id order, cut into batches of at most {@code unitsPerBatch}. */
  @Transactional(readOnly = true)
  public List<Batch> batches(int unitsPerBatch) {
    if (unitsPerBatch < 1) {
      throw new IllegalArgumentException("unitsPerBatch must be at least 1, was " + unitsPerBatch);
    }
    List<Long> ids = longs(database.createNativeQuery("select id from unit where active = true order by id").getResultList());
    List<Batch> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += unitsPerBatch) {
      int to = Math.min(from + unitsPerBatch, ids.size()) - 1;
      batches.add(new Batch(ids.get(from), ids.get(to), to - from + 1));
    }
    return batches;
  }

  /** The year waits for this many batches (set once, when the fan-out starts). */
  public void expectBatches(Long schoolYearId, int batches) {
    database.createNativeQuery("update school_year set open_plan_batches = ?1 where id = ?2")
        .setParameter(1, batches).setParameter(2, schoolYearId).executeUpdate();
  }

  /**
   * The batch's active units that have no plan for the year yet: neither one this fan-out started
   * (a batch tried again) nor one started otherwise (a plan started by hand).
   */
  @Transactional(readOnly = true)
  public List<Long> unitsWithoutPlan(Long schoolYearId, long firstUnitId, long lastUnitId) {
    return longs(database.createNativeQuery("select u.id from unit u where u.active = true and u.id between ?1 and ?2"
            + " and not exists (select 1 from unit_plan_start s where s.school_year_id = ?3 and s.unit_id = u.id)"
            + " and not exists (select 1 from quality_plan q where q.school_year_id = ?3 and q.unit_id = u.id)"
            + " order by u.id")
        .setParameter(1, firstUnitId).setParameter(2, lastUnitId).setParameter(3, schoolYearId).getResultList());
  }

  /** A unit's plan started; a second one for the same unit and year fails on the primary key. */
  public void started(Long schoolYearId, Long unitId, String processInstanceId) {
    database.createNativeQuery("insert into unit_plan_start (school_year_id, unit_id, process_instance_id, started_at)"
            + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, schoolYearId).setParameter(2, unitId).setParameter(3, processInstanceId)
        .setParameter(4, LocalDateTime.now(clock)).executeUpdate();
  }

  /**
   * A plan's records are written and let go before the batch starts the next, when the batch runs
   * its plans' first steps in its own transaction: its one persistence context would otherwise hold
   * every plan's records so far, and each native query of a plan's glue (every ownership check)
   * first looks through them all for changes to write: a batch took time quadratic in its size.
   */
  public void writeAndLetGo() {
    database.flush();
    database.clear();
  }

  /** A batch has started its plans: whether that was the last thing the year waited for. */
  public boolean batchDone(Long schoolYearId) {
    lockYear(schoolYearId);
    database.createNativeQuery("update school_year set open_plan_batches = open_plan_batches - 1 where id = ?1")
        .setParameter(1, schoolYearId).executeUpdate();
    return nothingLeft(schoolYearId);
  }

  /**
   * A plan has ended: the school year it was started for, when that was the last thing the year
   * waited for; empty when something is left or the plan was not started by a fan-out.
   */
  public Optional<Long> planEnded(String processInstanceId) {
    List<Long> year = longs(database.createNativeQuery("select school_year_id from unit_plan_start where process_instance_id = ?1")
        .setParameter(1, processInstanceId).getResultList());
    if (year.isEmpty()) {
      return Optional.empty();
    }
    Long schoolYearId = year.get(0);
    lockYear(schoolYearId);
    database.createNativeQuery("update unit_plan_start set ended_at = ?1 where process_instance_id = ?2 and ended_at is null")
        .setParameter(1, LocalDateTime.now(clock)).setParameter(2, processInstanceId).executeUpdate();
    return nothingLeft(schoolYearId) ? Optional.of(schoolYearId) : Optional.empty();
  }

  /** The process instances of the year's plans that have not ended (to cancel them with the year). */
  @Transactional(readOnly = true)
  public List<String> openPlans(Long schoolYearId) {
    List<String> instances = new ArrayList<>();
    for (Object id : database.createNativeQuery("select process_instance_id from unit_plan_start where school_year_id = ?1 and ended_at is null")
        .setParameter(1, schoolYearId).getResultList()) {
      instances.add(String.valueOf(id));
    }
    return instances;
  }

  @Transactional(readOnly = true)
  public int openBatches(Long schoolYearId) {
    return ((Number) database.createNativeQuery("select open_plan_batches from school_year where id = ?1")
        .setParameter(1, schoolYearId).getSingleResult()).intValue();
  }

  /** Every batch has started its plans and every plan started so has ended. Called under the year's lock. */
  private boolean nothingLeft(Long schoolYearId) {
    return openBatches(schoolYearId) == 0 && database.createNativeQuery(
            "select 1 from unit_plan_start where school_year_id = ?1 and ended_at is null")
        .setParameter(1, schoolYearId).setMaxResults(1).getResultList().isEmpty();
  }

  /**
   * The school year's row, locked until this transaction ends: batches and plans that finish take
   * turns here. Locked as an update of a column that is no key locks it, not by {@code for update}:
   * on PostgreSQL that would also wait for every transaction that is inserting a row referring to
   * the year (each plan being started, each batch), and hold all new ones up behind it.
   */
  private void lockYear(Long schoolYearId) {
    database.createNativeQuery("update school_year set open_plan_batches = open_plan_batches where id = ?1")
        .setParameter(1, schoolYearId).executeUpdate();
  }

  private static List<Long> longs(List<?> rows) {
    return rows.stream().map(row -> ((Number) row).longValue()).toList();
  }
}
