package vn.dxgov.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Small assertions on JSON answers. */
final class JsonNodes {

    private JsonNodes() {
    }

    /** The element of an array whose {@code id} is given has a field with this text. */
    static void assertContains(JsonNode array, long id, String field, String text) {
        assertThat(element(array, "id", id).get(field).asText()).as(field + " of #" + id).isEqualTo(text);
    }

    /** The row of a matrix for an agency has a field with this text. */
    static void assertRow(JsonNode rows, long agencyId, String field, String text) {
        assertThat(element(rows, "agencyId", agencyId).get(field).asText()).as(field + " of agency " + agencyId).isEqualTo(text);
    }

    static JsonNode element(JsonNode array, String key, long id) {
        for (JsonNode n : array) {
            if (n.get(key).asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no element with " + key + " " + id + " in " + array);
    }
}
