/** Errors shown per page of the error table; the server page prefetches the first one with the same size. */
export const ERRORS_PAGE_SIZE = 50;
