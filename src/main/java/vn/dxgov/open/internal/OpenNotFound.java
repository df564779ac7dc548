package vn.dxgov.open.internal;

/**
 * Nothing public at this address: an unknown province, a plan or target that does not exist, is a draft, superseded
 * or not of a province on the portal. One answer (404) for all of them, so that the answer does not tell which.
 */
class OpenNotFound extends RuntimeException {

    OpenNotFound() {
        super(null, null, false, false);
    }
}
