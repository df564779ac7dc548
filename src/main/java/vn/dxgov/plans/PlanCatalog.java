package vn.dxgov.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.dxgov.units.AdminUnit;

/** Plans and their tree. Drafts are visible only to users who may review them. */
public interface PlanCatalog {

    /** Plans the current user may see, parents before children, newest first within a level. */
    List<Plan> list();

    /** A plan the current user may see. */
    Optional<Plan> find(long id);

    /**
     * The province of a plan, whoever asks and whether or not the user may see it (empty when the plan does not exist
     * or is national): for other modules' access decisions on what belongs to the plan ({@code CurrentUser.mayRead}).
     */
    Optional<String> provinceOf(long id);

    /** Plans that implement this one. */
    List<Plan> children(long id);

    /** Ids of the plans the current user may see. */
    List<Long> visibleIds();

    /**
     * The province a plan's targets are judged for on a day: the unit with the plan's province code valid that day;
     * when the code no longer exists then (Bắc Kạn after 1/7/2025), the unit that took the plan's province over.
     * Empty for a plan without a province.
     */
    Optional<AdminUnit> province(Plan plan, LocalDate on);
}
