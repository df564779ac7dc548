package vn.dxgov.opendata;

import java.util.List;
import java.util.Optional;

/**
 * The public datasets. Answers are the same whoever asks: they are read as an anonymous visitor reads them (published
 * plans, approved figures, published rounds only).
 */
public interface OpenData {

    /** Every public dataset, plans first (newest first), then indicators (by name), then rounds (newest first). */
    List<Dataset> datasets();

    /** A public dataset by its id ({@code plan-12}, {@code indicator-5}, {@code round-3}); empty when not public. */
    Optional<Dataset> dataset(String id);

    /** A public dataset with its rows; empty when not public. */
    Optional<DatasetTable> table(String id);
}
