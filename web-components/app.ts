// Entry point for the pages the server renders: registers every custom element.
import './candidate-page.js';
import './staff-home.js';
