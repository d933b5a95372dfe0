"""Every state change of the app, as typed functions shared by HTML views and the API."""
