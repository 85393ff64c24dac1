export { ACCEPT_V3, ApiClient, seg, type ApiClientOptions, type ApiResponse, type RequestOptions } from './api-client.js';
export { ApiRequestError, errorBody, type ApiErrorInit } from './api-request-error.js';
