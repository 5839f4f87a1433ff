package dev.wellplan.rules;

public enum Equipment { FOAM_ROLLER, LACROSSE_BALL, RESISTANCE_BAND, DOWEL, MAT }
