package org.metriclifecycle.deploy.api;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Documents the {@code Idempotency-Key} header on every write of the API, where {@link IdempotentWrites} honours it. */
public class IdempotencyKeyDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                for (Operation write : writes(item)) {
                    write.addParameter(header());
                    write.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                            .description("The Idempotency-Key was already used for a different request"));
                }
            }
        });
    }

    private static List<Operation> writes(PathItem item) {
        return java.util.stream.Stream.of(item.getPOST(), item.getPUT(), item.getDELETE())
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Parameter header() {
        return OASFactory.createParameter().name(IdempotentWrites.KEY_HEADER).in(Parameter.In.HEADER).required(false)
                .description("A fresh key per write (a UUID, say): a retry with the same key gets the first answer back,"
                        + " marked Idempotent-Replayed, and changes nothing (docs/idempotency.md \"Retrying writes safely\")")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(255));
    }
}
