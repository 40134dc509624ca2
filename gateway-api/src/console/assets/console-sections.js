// Every section of the console, in the order the navigation shows them. A section module lists the
// roles it serves; the server still checks each request.

export const sections = [];
