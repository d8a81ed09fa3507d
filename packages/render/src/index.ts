// Implementation arrives with its issue; see README.md.
export {};
