/** Phone numbers' canonical form lives with the other plain value formats (config reads it too). */
export * from "../../values/phone";
