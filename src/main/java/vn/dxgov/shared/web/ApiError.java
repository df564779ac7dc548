package vn.dxgov.shared.web;

import java.util.List;

/** The JSON body of every 4xx/5xx answer of the API: a message a person can act on, and optional details. */
public record ApiError(int status, String message, List<String> details) {
}
