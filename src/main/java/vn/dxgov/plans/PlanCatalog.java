package vn.dxgov.plans;

import java.util.List;
import java.util.Optional;

/** Plans and their tree. Drafts are visible only to users who may review them. */
public interface PlanCatalog {

    /** Plans the current user may see, parents before children, newest first within a level. */
    List<Plan> list();

    /** A plan the current user may see. */
    Optional<Plan> find(long id);

    /** Plans that implement this one. */
    List<Plan> children(long id);

    /** Ids of the plans the current user may see. */
    List<Long> visibleIds();
}
