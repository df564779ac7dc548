package vn.dxgov.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks of plans. Writes join the caller's transaction and are audited. */
public interface TaskCatalog {

    /** Adds tasks to a plan after its existing ones, in the given order. */
    List<Task> addAll(long planId, List<TaskDraft> drafts);

    /** A plan's tasks in document order, filtered. */
    List<Task> forPlan(long planId, TaskFilter filter);

    /** Tasks of any of these plans led or co-operated on by an agency, in plan and document order. */
    List<Task> forAgency(long agencyId, Collection<Long> planIds);

    Optional<Task> find(long id);

    /** Replaces a task's content. */
    Task update(long id, TaskDraft content);

    /** How many tasks each of these plans has. */
    Map<Long, Integer> countByPlan(Collection<Long> planIds);

    /**
     * Exchanges two tasks' places and content (plan, position, code, title, time frame, agencies...): each id takes
     * the other's, and what references a task by its id (its progress reports) stays with the id. Used when a new
     * version of a plan replaces the old one: an unchanged task of the new version takes the old task's id.
     */
    void exchange(long taskA, long taskB);
}
