package vn.dxgov.support;

import java.io.IOException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Imports a seed document through the API as the steering department and publishes it, as a user would. */
public final class SeedImports {

    public static final String SEED_000 = "seed/plans/000_f654baa895e59210.txt";
    public static final String SEED_001 = "seed/plans/001_16196319a76d78f9.txt";
    public static final String SEED_004 = "seed/plans/004_0476a1d53eff913d.txt";

    private SeedImports() {
    }

    /** The new plan's id. */
    public static long importAndPublish(int port, String resource) throws IOException {
        byte[] seed = new ClassPathResource(resource).getContentAsByteArray();
        String filename = resource.substring(resource.lastIndexOf('/') + 1);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(seed) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("steering", "dxgov-demo")).build();
        JsonNode imported = http.post().uri("/api/v1/imports").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().body(JsonNode.class);
        long planId = imported.get("planId").asLong();
        http.post().uri("/api/v1/plans/" + planId + "/publish").retrieve().toBodilessEntity();
        return planId;
    }
}
